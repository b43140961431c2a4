package dev.encore.platform.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

import dev.encore.platform.IpRange;

/**
 * Finds the real client address behind reverse proxies. Forwarding headers
 * ({@code Forwarded: for=...}, else {@code X-Forwarded-For}) count only when the socket peer is a
 * configured trusted proxy; then the chain is walked from the right and the first hop that is
 * not itself a trusted proxy is the client. Anything that is not an IP literal ends the walk, so
 * a client can never inject a name that would be looked up.
 */
final class ClientAddressResolver {

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddressResolver(List<String> trustedProxies) {
        this.trustedProxies = new ArrayList<>();
        for (int i = 0; i < trustedProxies.size(); i++) {
            String cidr = trustedProxies.get(i).trim();
            if (!IpRange.Check.isRange(cidr)) {
                throw new IllegalArgumentException("encore.security.trusted-proxies[" + i
                        + "] must be an IP address or CIDR range, not '" + cidr + "'");
            }
            this.trustedProxies.add(new IpAddressMatcher(cidr));
        }
    }

    boolean isTrusted(String address) {
        // no proxies configured (the default): nothing to parse on every request
        return !trustedProxies.isEmpty() && address != null && literal(address) != null
                && trustedProxies.stream().anyMatch(matcher -> matcher.matches(address));
    }

    /**
     * The client address for a request from {@code peer} carrying the given headers (either may
     * be {@code null}).
     */
    String resolve(String peer, String forwarded, String xForwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwarded != null ? forwardedFor(forwarded) : split(xForwardedFor);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = normalize(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private static List<String> split(String header) {
        List<String> hops = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",")) {
                hops.add(part.trim());
            }
        }
        return hops;
    }

    private static List<String> forwardedFor(String header) {
        List<String> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                String trimmed = pair.trim();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("for=")) {
                    hops.add(trimmed.substring(4).trim());
                }
            }
        }
        return hops;
    }

    /** The IP literal in a hop (quotes, IPv6 brackets and ports removed), or {@code null}. */
    static String normalize(String hop) {
        String value = hop.replace("\"", "").trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            value = end > 0 ? value.substring(1, end) : "";
        }
        else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':')); // IPv4 with port
        }
        InetAddress address = literal(value);
        return address == null ? null : address.getHostAddress();
    }

    private static InetAddress literal(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(value);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
