package dev.encore.ingest.source;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Address ranges Encore never fetches from on a user's behalf: loopback, private, link-local,
 * CGNAT, multicast, unspecified, reserved and documentation ranges, IPv6 ULA and link-local, and
 * the IANA special-purpose block with Teredo tunnels; IPv4 addresses wrapped in IPv6 (mapped,
 * compatible, 6to4, NAT64) are unwrapped and judged as IPv4.
 */
final class BlockedRanges {

    private static final List<IpAddressMatcher> V4 = matchers(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32");

    private static final List<IpAddressMatcher> V6 = matchers(
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32",
            "100::/64", "2001::/23");

    private BlockedRanges() {
    }

    static boolean contains(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Inet4Address embedded = embeddedV4(v6.getAddress());
            if (embedded != null) {
                return contains(embedded);
            }
            String literal = v6.getHostAddress();
            return V6.stream().anyMatch(range -> range.matches(literal));
        }
        String literal = address.getHostAddress();
        return V4.stream().anyMatch(range -> range.matches(literal));
    }

    /** The IPv4 address inside an IPv4-mapped, -compatible, 6to4, NAT64 or Teredo address. */
    private static Inet4Address embeddedV4(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0 && !isZeroOrOne(b)))) {
            return v4(b[12], b[13], b[14], b[15]); // ::ffff:a.b.c.d and ::a.b.c.d
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return v4(b[2], b[3], b[4], b[5]); // 6to4 2002:abcd::
        }
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            return v4(b[12], b[13], b[14], b[15]); // NAT64 64:ff9b::/96
        }
        return null;
    }

    private static boolean isZeroOrOne(byte[] b) {
        return b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1);
    }

    private static Inet4Address v4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] { a, b, c, d });
        }
        catch (java.net.UnknownHostException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<IpAddressMatcher> matchers(String... cidrs) {
        return java.util.Arrays.stream(cidrs).map(IpAddressMatcher::new).toList();
    }
}
