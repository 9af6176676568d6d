package no.kontakt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** kontakt.yaml is YAML 1.2: on, off, yes and no are words; a wrong type and a syntax error name their line. */
class ConfigYamlTest {

    private static AppConfig bind(String yaml) {
        return new ConfigLoader(Map.<String, String>of()::get).bind(yaml, "kontakt.yaml");
    }

    @Test
    void on_off_yes_and_no_are_words() {
        AppConfig config = bind("unit:\n  country: NO\n  name: off\n");
        assertThat(config.unit().country()).isEqualTo("NO");
        assertThat(config.unit().name()).isEqualTo("off");
        assertThat(bind("unit:\n  name: {nb: on, en: yes}\n").unit().name()).isEqualTo("on");
    }

    @Test
    void a_wrong_type_names_its_key_and_line() {
        assertThatThrownBy(() -> bind("unit:\n  country: NO\nserver:\n  port: many\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("kontakt.yaml: server.port: ")
                .hasMessageEndingWith("(line 4)");
    }

    @Test
    void a_syntax_error_names_its_line() {
        assertThatThrownBy(() -> bind("server:\n  port: 8080\n  public_url: [x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("kontakt.yaml: not valid YAML: ")
                .hasMessageEndingWith("(line 4)");
        assertThatThrownBy(() -> bind("server:\n  port: 8080\n  port: 8081\n"))
                .hasMessageStartingWith("kontakt.yaml: not valid YAML: the key 'port' is written twice").hasMessageEndingWith("(line 3)");
    }
}
