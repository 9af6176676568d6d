package no.kontakt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's security settings: trusted proxies from the file or the environment, limits, connections. */
class ServerSecurityConfigTest {
    static AppConfig bind(String yaml, Map<String, String> env) {
        return new ConfigLoader(env::get).bind(yaml, "kontakt.yaml");
    }

    @Test
    void trusted_proxies_come_as_a_list_or_comma_separated_from_the_environment() {
        assertThat(bind("server:\n  trusted_proxies: [10.0.0.0/8, 'fd00::/8']\n", Map.of()).server().trustedProxies())
                .containsExactly("10.0.0.0/8", "fd00::/8");
        assertThat(bind("server:\n  trusted_proxies: []\n", Map.of("KONTAKT_TRUSTED_PROXIES", "192.168.1.10, 10.1.0.0/16")).server()
                .trustedProxies()).containsExactly("192.168.1.10", "10.1.0.0/16");
        assertThat(bind("{}", Map.of()).server().trustedProxies()).isEmpty();
    }

    @Test
    void a_proxy_that_is_not_an_address_stops_start_up_with_its_key() {
        assertThatThrownBy(() -> bind("server:\n  trusted_proxies: [proxy.kommune.no]\n", Map.of()))
                .hasMessageContaining("kontakt.yaml: server.trusted_proxies[0]: must be an IP address or a CIDR block");
        assertThatThrownBy(() -> bind("server:\n  trusted_proxies: [10.0.0.0/33]\n", Map.of())).hasMessageContaining("trusted_proxies[0]");
    }

    @Test
    void limits_and_connections_have_defaults_and_zero_switches_off() {
        AppConfig.Server server = bind("server:\n  limits: {login: 0}\n  connections: {per_address: 0}\n", Map.of()).server();
        assertThat(server.limits().login()).isZero();
        assertThat(server.limits().unsigned()).isEqualTo(60);
        assertThat(server.connections().perAddress()).isZero();
        assertThat(server.connections().maxStreams()).isEqualTo(2000);
        assertThatThrownBy(() -> bind("server:\n  limits: {chat: -1}\n", Map.of())).hasMessageContaining("server.limits.chat: must be between 0");
    }

    @Test
    void a_cidr_contains_its_addresses_only() throws Exception {
        Cidr block = Cidr.parse("10.1.0.0/16");
        assertThat(block.contains(InetAddress.getByName("10.1.200.3"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(Cidr.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(Cidr.parse("fd00::/8").contains(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(List.of("example.org", "1.2.3", "10.0.0.0/x")).noneMatch(Cidr::valid);
    }
}
