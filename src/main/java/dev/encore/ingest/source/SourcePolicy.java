package dev.encore.ingest.source;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Decides whether Encore may fetch from a URL (DESIGN §6, SSRF). A URL must be http(s), at most
 * 2,048 characters, without user-info, with a port (if any) from 1 to 65535, on an allowed host
 * (exact or dot-suffix); and every address its host resolves to must be public, unless inside a
 * trusted network. Hosts that are IPv4-mapped IPv6 literals ({@code [::ffff:127.0.0.1]}) or
 * numbers in disguise ({@code 2130706433}, {@code 0x7f.1}, {@code 017700000001}) are refused
 * before any lookup, since resolvers would read them as addresses.
 */
public final class SourcePolicy {

    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_PORT = 65535;

    /** Resolves host names; replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts;
    private final List<IpAddressMatcher> trustedNetworks;
    private final Resolver resolver;

    public SourcePolicy(List<String> allowedHosts, List<String> trustedNetworks, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT).trim()).toList();
        this.trustedNetworks = trustedNetworks.stream().map(IpAddressMatcher::new).toList();
        this.resolver = resolver;
    }

    /**
     * The link as sources expect it: without surrounding spaces (pasted links often have them), spaces
     * inside as {@code %20}, with an
     * internationalised host in its ASCII form ({@code ünï.example} → {@code xn--n-rfa4e.example}) and
     * every other non-ASCII character percent-encoded in UTF-8, as browsers, curl and yt-dlp send them
     * ({@code /ä.mp3} → {@code /%C3%A4.mp3}). A link that cannot be read is returned stripped, for
     * {@link #checkUrl} to refuse.
     */
    public static String normalize(String url) {
        if (url == null) {
            return null;
        }
        String link = url.strip().replace(" ", "%20"); // a file name with spaces, pasted as it reads
        int scheme = link.indexOf("://");
        if (scheme > 0) {
            int from = scheme + 3;
            int end = from;
            while (end < link.length() && "/?#".indexOf(link.charAt(end)) < 0) {
                end++;
            }
            String authority = link.substring(from, end);
            if (!authority.chars().allMatch(c -> c < 0x80) && !authority.contains("@") && !authority.contains("[")) {
                int colon = authority.lastIndexOf(':');
                String host = colon < 0 ? authority : authority.substring(0, colon);
                try {
                    link = link.substring(0, from) + IDN.toASCII(host) + (colon < 0 ? "" : authority.substring(colon))
                            + link.substring(end);
                }
                catch (IllegalArgumentException notAHostName) {
                    return link;
                }
            }
        }
        try {
            return new URI(link).toASCIIString();
        }
        catch (URISyntaxException unreadable) {
            return link;
        }
    }

    /**
     * Checks the URL's form and host without resolving it.
     *
     * @return the reason it is refused, or empty when it may be fetched (subject to {@link #checkAddresses})
     */
    public Optional<String> checkUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException ex) {
            return Optional.of("must be a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must use http or https");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of("must not contain credentials");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            // java.net.URI leaves the host empty for spellings like 127.1 or 0x7f.1: look at the authority
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
            String bare = authority.replaceFirst(":[0-9]*$", "");
            return Optional.of(!bare.isEmpty() && isNumericTrick(normalizeHost(bare)) ? "must not use a numeric host"
                    : "must name a host");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > MAX_PORT)) {
            return Optional.of("must use a port from 1 to " + MAX_PORT);
        }
        host = normalizeHost(host);
        if (isNumericTrick(host)) {
            return Optional.of("must not use a numeric host");
        }
        if (isMappedLiteral(host)) {
            return Optional.of("must not use an IPv4-mapped IPv6 address");
        }
        if (!isAllowedHost(host) && !isTrustedLiteral(host)) {
            return Optional.of("host is not on the allowed list");
        }
        return Optional.empty();
    }

    /**
     * Resolves {@code host} and checks every address.
     *
     * @return the reason it is refused, or empty when every address is public or trusted
     */
    public Optional<String> checkAddresses(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(normalizeHost(host));
        }
        catch (UnknownHostException ex) {
            return Optional.of("host does not resolve");
        }
        if (addresses.length == 0) {
            return Optional.of("host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPermitted(address)) {
                return Optional.of("resolves to a blocked address");
            }
        }
        return Optional.empty();
    }

    /** Whether an address may be contacted: public, or inside a trusted network. */
    public boolean isPermitted(InetAddress address) {
        String literal = address.getHostAddress();
        if (trustedNetworks.stream().anyMatch(network -> network.matches(literal))) {
            return true;
        }
        return !BlockedRanges.contains(address);
    }

    boolean isAllowedHost(String host) {
        return allowedHosts.stream().anyMatch(allowed -> host.equals(allowed) || host.endsWith("." + allowed));
    }

    private boolean isTrustedLiteral(String host) {
        try {
            InetAddress literal = InetAddress.ofLiteral(host);
            return (literal instanceof Inet4Address || literal instanceof Inet6Address)
                    && trustedNetworks.stream().anyMatch(network -> network.matches(literal.getHostAddress()));
        }
        catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }

    /**
     * An IPv4 address dressed as IPv6 ({@code ::ffff:127.0.0.1}): refused outright, since it is a
     * way to reach an IPv4 address that a plain literal check would not recognise. The JDK parses
     * exactly these literals (with or without brackets) into an IPv4 address.
     */
    static boolean isMappedLiteral(String host) {
        if (!host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(normalizeHost(host)) instanceof Inet4Address;
        }
        catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }

    static String normalizeHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * Integer, octal and hex host spellings ({@code 2130706433}, {@code 017700000001},
     * {@code 0x7f.1}, {@code 127.1}): anything made only of numeric labels that is not a plain
     * dotted quad of decimal octets.
     */
    static boolean isNumericTrick(String host) {
        String[] labels = host.split("\\.", -1);
        boolean allNumeric = true;
        for (String label : labels) {
            if (!label.matches("(0x[0-9a-f]*|[0-9]+)")) {
                allNumeric = false;
                break;
            }
        }
        if (!allNumeric) {
            return false;
        }
        boolean plainQuad = labels.length == 4;
        for (String label : labels) {
            plainQuad &= label.matches("0|[1-9][0-9]{0,2}") && Integer.parseInt(label) <= 255;
        }
        return !plainQuad;
    }
}
