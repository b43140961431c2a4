package dev.encore.platform;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The key under which per-client limits (rate limits, connection caps) count a client address. An
 * IPv4 address is one client. An IPv6 address counts with the rest of its /64: one home, phone or
 * server connection is handed a whole /64 at least (RFC 6177; SLAAC privacy addresses change by
 * themselves), so counting single IPv6 addresses would give one client 2^64 fresh buckets to rotate
 * through, which is how a per-client login or registration limit is walked around. Logs and the audit
 * trail keep the whole address.
 */
public final class ClientKeys {

    private ClientKeys() {
    }

    /**
     * @param address a client address as {@code HttpServletRequest.getRemoteAddr()} gives it (behind a
     *                trusted proxy, the client the proxy names)
     * @return the address itself for IPv4 (an IPv4-mapped IPv6 address included), its /64 for IPv6
     *         ({@code 2001:db8:1:2::/64}), or the value unchanged when it is no address literal
     */
    public static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.ofLiteral(address);
        }
        catch (IllegalArgumentException notALiteral) {
            return address;
        }
        if (!(parsed instanceof Inet6Address)) {
            return parsed.getHostAddress();
        }
        byte[] bytes = parsed.getAddress();
        StringBuilder prefix = new StringBuilder(24);
        for (int group = 0; group < 4; group++) {
            prefix.append(Integer.toHexString(((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff)))
                    .append(':');
        }
        return prefix.append(":/64").toString();
    }
}
