package no.kontakt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static AppConfig bind(String yaml, Map<String, String> env) {
        return new ConfigLoader(env::get).bind(yaml, "kontakt.yaml");
    }

    @Test
    void the_shipped_file_loads_with_its_defaults() {
        AppConfig config = new ConfigLoader(Map.<String, String>of()::get).load(Path.of("config/kontakt.yaml"));
        assertThat(config.server().port()).isEqualTo(7070);
        assertThat(config.server().maxRequestBytes()).isEqualTo(65_536);
        assertThat(config.store().dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.unit().country()).isEqualTo("NO");
        assertThat(config.unit().timeZone()).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(config.unit().languages()).containsExactly("nb", "nn", "da", "sv", "en");
        assertThat(config.twilio().sendsForReal()).isFalse();
    }

    @Test
    void substitutes_environment_variables_and_their_defaults() {
        AppConfig config = bind("""
                server:
                  public_url: ${BASE}/
                  port: ${PORT_X:-8081}
                unit:
                  name: "${UNIT:-Enhet for psykisk helse}"
                """, Map.of("BASE", "https://kontakt.example.no"));
        assertThat(config.server().publicBase()).isEqualTo("https://kontakt.example.no");
        assertThat(config.server().port()).isEqualTo(8081);
        assertThat(config.unit().name()).isEqualTo("Enhet for psykisk helse");
    }

    @Test
    void a_missing_variable_without_default_names_the_key_and_the_variable() {
        assertThatThrownBy(() -> bind("server:\n  public_url: ${NOPE}\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("kontakt.yaml: server.public_url: environment variable NOPE is not set (write ${NOPE:-default} for a default)");
    }

    @Test
    void an_unknown_key_stops_with_its_path() {
        assertThatThrownBy(() -> bind("server:\n  prot: 8080\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("kontakt.yaml: server.prot: unknown key; known keys here: connections, embed_origins, limits, max_request_bytes, port, public_url, trusted_proxies");
    }

    @Test
    void a_bad_value_stops_with_the_key_path() {
        assertThatThrownBy(() -> bind("server:\n  port: 99999\n", Map.of()))
                .hasMessage("kontakt.yaml: server.port: must be between 0 and 65535 (was 99999)");
        assertThatThrownBy(() -> bind("server:\n  port: seventy\n", Map.of()))
                .hasMessageStartingWith("kontakt.yaml: server.port: ");
        assertThatThrownBy(() -> bind("unit:\n  languages: [nb, de]\n", Map.of()))
                .hasMessage("kontakt.yaml: unit.languages[1]: must be one of [nb, nn, da, sv, en] (was 'de')");
        assertThatThrownBy(() -> bind("unit:\n  time_zone: Europe/Trondheim\n", Map.of()))
                .hasMessageStartingWith("kontakt.yaml: unit.time_zone: ");
    }

    @Test
    void norway_is_not_false() {
        assertThat(bind("unit:\n  country: NO\n", Map.of()).unit().country()).isEqualTo("NO");
    }

    @Test
    void secrets_in_the_file_are_refused() {
        assertThatThrownBy(() -> bind("twilio:\n  auth_token: abc123\n", Map.of()))
                .hasMessage("kontakt.yaml: twilio.auth_token: secrets are read only from the environment; "
                        + "remove the value from the file and set KONTAKT_TWILIO_AUTH_TOKEN");
    }

    @Test
    void environment_overrides_win_over_the_file() {
        AppConfig config = bind("server:\n  port: 7070\nstore:\n  data_dir: data\n", Map.of(
                "KONTAKT_PORT", "9090",
                "KONTAKT_DATA_DIR", "/var/lib/kontakt",
                "KONTAKT_PUBLIC_URL", "https://sms.kommune.no",
                "KONTAKT_TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32),
                "KONTAKT_TWILIO_AUTH_TOKEN", "secret"));
        assertThat(config.server().port()).isEqualTo(9090);
        assertThat(config.store().dataDir()).isEqualTo(Path.of("/var/lib/kontakt"));
        assertThat(config.server().publicBase()).isEqualTo("https://sms.kommune.no");
        assertThat(config.twilio().sendsForReal()).isTrue();
        assertThat(config.twilio().toString()).doesNotContain("secret");
    }

    @Test
    void invalid_yaml_says_where() {
        assertThatThrownBy(() -> bind("server:\n  port: [\n", Map.of()))
                .hasMessageStartingWith("kontakt.yaml: not valid YAML: ")
                .hasMessageContaining("line");
    }
}
