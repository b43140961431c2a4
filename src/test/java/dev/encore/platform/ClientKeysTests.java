package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientKeysTests {

    @ParameterizedTest
    @CsvSource({ "192.0.2.7, 192.0.2.7",
            "2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64",
            "2001:0db8:0001:0002:ffff:ffff:ffff:ffff, 2001:db8:1:2::/64",
            "2001:db8::17, 2001:db8:0:0::/64",
            "0:0:0:0:0:0:0:1, 0:0:0:0::/64",
            // an IPv4 client behind a dual-stack socket is still one IPv4 client
            "::ffff:192.0.2.7, 192.0.2.7",
            "unknown, unknown",
            "not:an:address, not:an:address" })
    void anIpv6AddressCountsWithItsSlash64(String address, String key) {
        assertThat(ClientKeys.of(address)).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource({ "2001:db8:1:2::1, 2001:db8:1:2:8000::9", "fe80::1, fe80::2" })
    void addressesOfOneSlash64ShareAKey(String one, String other) {
        assertThat(ClientKeys.of(one)).isEqualTo(ClientKeys.of(other));
    }
}
