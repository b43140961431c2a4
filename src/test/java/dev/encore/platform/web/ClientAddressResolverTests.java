package dev.encore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressResolverTests {

    private final ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.0/8", "127.0.0.1"));

    @Test
    void untrustedPeerIsTheClientWhateverItClaims() {
        assertThat(resolver.resolve("192.0.2.1", "for=198.51.100.7", "198.51.100.8")).isEqualTo("192.0.2.1");
    }

    @Test
    void walksTheChainFromTheRightPastTrustedProxies() {
        assertThat(resolver.resolve("127.0.0.1", null, "198.51.100.8, 203.0.113.9, 10.1.2.3")).isEqualTo("203.0.113.9");
    }

    @Test
    void prefersTheStandardForwardedHeader() {
        assertThat(resolver.resolve("10.0.0.5", "for=192.0.2.60;proto=https, for=10.0.0.4", "198.51.100.8"))
                .isEqualTo("192.0.2.60");
    }

    @Test
    void stripsPortsQuotesAndBrackets() {
        assertThat(resolver.resolve("127.0.0.1", "for=\"192.0.2.43:47011\"", null)).isEqualTo("192.0.2.43");
        assertThat(resolver.resolve("127.0.0.1", "for=\"[2001:db8:cafe::17]:4711\"", null)).isEqualTo("2001:db8:cafe:0:0:0:0:17");
    }

    @Test
    void stopsAtAnythingThatIsNotAnAddress() {
        assertThat(resolver.resolve("127.0.0.1", null, "192.0.2.1, evil.example.com")).isEqualTo("127.0.0.1");
        assertThat(resolver.resolve("127.0.0.1", "for=unknown", null)).isEqualTo("127.0.0.1");
        assertThat(resolver.resolve("127.0.0.1", "for=_hidden", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void aChainOfOnlyTrustedProxiesEndsAtTheLeftmost() {
        assertThat(resolver.resolve("127.0.0.1", null, "10.9.9.9, 10.1.1.1")).isEqualTo("10.9.9.9");
    }

    @Test
    void refusesAConfiguredProxyThatIsNotAnAddress() {
        assertThatThrownBy(() -> new ClientAddressResolver(List.of("proxy.internal")))
                .hasMessageContaining("encore.security.trusted-proxies[0]");
    }
}
