package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    final ClientAddresses proxies = new ClientAddresses(List.of("10.0.0.0/8", "127.0.0.1"));

    @Test
    void the_client_is_the_right_most_address_that_is_not_a_trusted_proxy() {
        assertThat(proxies.client("127.0.0.1", List.of("198.51.100.9, 203.0.113.5, 10.1.2.3"))).isEqualTo("203.0.113.5");
        assertThat(proxies.client("127.0.0.1", List.of("198.51.100.9", "10.1.2.3"))).isEqualTo("198.51.100.9");
        assertThat(proxies.client("127.0.0.1", List.of("203.0.113.5:4711"))).isEqualTo("203.0.113.5");
        assertThat(proxies.client("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(proxies.client("127.0.0.1", List.of("not-an-address, 10.0.0.2"))).as("as far as can be seen").isEqualTo("10.0.0.2");
        assertThat(proxies.client("203.0.113.5", List.of("1.2.3.4"))).as("not from a proxy: the header is ignored").isEqualTo("203.0.113.5");
    }

    @Test
    void an_ipv6_client_counts_as_its_64_network() {
        assertThat(ClientAddresses.key("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddresses.key("2001:db8:1:2:bbbb::7"));
        assertThat(ClientAddresses.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddresses.key("2001:db8:1:2::1"));
        assertThat(ClientAddresses.key("192.0.2.1")).isEqualTo("192.0.2.1");
    }
}
