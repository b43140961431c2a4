package dev.encore.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourcePolicyTests {

    private static final List<String> YOUTUBE = List.of("youtube.com", "www.youtube.com", "youtu.be");

    private final Map<String, String[]> dns = Map.of(
            "www.youtube.com", new String[] { "142.250.74.78", "2a00:1450:4001:80b::200e" },
            "youtu.be", new String[] { "142.250.74.78" },
            "rebind.youtube.com", new String[] { "142.250.74.78", "127.0.0.1" },
            "internal.youtube.com", new String[] { "10.1.2.3" });

    private final SourcePolicy policy = new SourcePolicy(YOUTUBE, List.of(), this::resolve);

    @Test
    void acceptsAllowedHostsExactlyOrAsDotSuffix() {
        assertThat(policy.checkUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ")).isEmpty();
        assertThat(policy.checkUrl("http://youtu.be/dQw4w9WgXcQ")).isEmpty();
        assertThat(policy.checkUrl("https://music.youtube.com/watch?v=x")).isEmpty();
        assertThat(policy.checkUrl("https://WWW.YOUTUBE.COM./watch?v=x")).isEmpty();
    }

    @Test
    void normalizesLinksToWhatSourcesExpectOnTheWire() {
        // non-ASCII went out as Latin-1 bytes, and anything beyond Latin-1 as '?', which started a query
        assertThat(SourcePolicy.normalize("http://127.0.0.1:8080/ok/ä€😀x.mp3?q=é"))
                .isEqualTo("http://127.0.0.1:8080/ok/%C3%A4%E2%82%AC%F0%9F%98%80x.mp3?q=%C3%A9");
        assertThat(SourcePolicy.normalize("  https://youtu.be/x \n")).isEqualTo("https://youtu.be/x");
        assertThat(SourcePolicy.normalize("https://example.org/My Song.mp3")).isEqualTo("https://example.org/My%20Song.mp3");
        assertThat(SourcePolicy.normalize("http://ünïcode.example:81/a.mp3")).isEqualTo("http://xn--ncode-cta3g.example:81/a.mp3");
        assertThat(SourcePolicy.normalize("https://example.org/already%20encoded?a=%C3%A4"))
                .as("escapes stay as they are").isEqualTo("https://example.org/already%20encoded?a=%C3%A4");
        assertThat(SourcePolicy.normalize(null)).isNull();
        // what cannot be read is left for checkUrl to refuse, never made acceptable
        assertThat(policy.checkUrl(SourcePolicy.normalize("https://user:pässword@www.youtube.com/x")))
                .hasValue("must not contain credentials");
        assertThat(policy.checkUrl(SourcePolicy.normalize("https://www.youtube.com/<x>"))).hasValue("must be a valid URL");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://evil.com/watch", "https://youtube.com.evil.com/x", "https://notyoutube.com/x",
            "https://evilyoutu.be/x" })
    void refusesHostsNotOnTheList(String url) {
        assertThat(policy.checkUrl(url)).hasValue("host is not on the allowed list");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://youtube.com/x", "file:///etc/passwd", "gopher://youtube.com/", "javascript:alert(1)",
            "//youtube.com/x", "youtube.com/watch" })
    void refusesOtherSchemes(String url) {
        assertThat(policy.checkUrl(url)).isPresent();
    }

    @Test
    void refusesCredentialsLongUrlsAndGarbage() {
        assertThat(policy.checkUrl("https://user:pass@www.youtube.com/x")).hasValue("must not contain credentials");
        assertThat(policy.checkUrl("https://www.youtube.com/watch?v=" + "a".repeat(2048))).isPresent();
        assertThat(policy.checkUrl("https://www.you tube.com/")).isPresent();
        assertThat(policy.checkUrl("")).isPresent();
        assertThat(policy.checkUrl(null)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://2130706433/", "http://0x7f.1/", "http://017700000001/", "http://127.1/",
            "http://0x7f000001/", "http://0177.0.0.1/", "http://127.0.0.01/" })
    void refusesNumericHostTricks(String url) {
        // java.net.URI already refuses some spellings as host-less; either way nothing is fetched
        assertThat(policy.checkUrl(url)).hasValueSatisfying(reason -> assertThat(reason)
                .isIn("must not use a numeric host", "must name a host"));
        assertThat(SourcePolicy.isNumericTrick(java.net.URI.create(url).getRawAuthority())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://www.youtube.com:0/x", "http://www.youtube.com:65536/x",
            "https://youtu.be:99999/x" })
    void refusesPortsOutsideTheValidRange(String url) {
        assertThat(policy.checkUrl(url)).hasValue("must use a port from 1 to 65535");
    }

    @Test
    void acceptsPortsInsideTheValidRange() {
        assertThat(policy.checkUrl("http://www.youtube.com:1/x")).isEmpty();
        assertThat(policy.checkUrl("http://www.youtube.com:65535/x")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://[::ffff:127.0.0.1]:18190/x.mp3", "http://[::FFFF:7f00:1]/x", "http://[::ffff:8.8.8.8]/x" })
    void refusesIpv4MappedLiteralsEvenForTrustedNetworks(String url) {
        SourcePolicy trusting = new SourcePolicy(YOUTUBE, List.of("127.0.0.0/8", "8.8.8.8/32"), this::resolve);
        assertThat(trusting.checkUrl(url)).hasValue("must not use an IPv4-mapped IPv6 address");
    }

    @Test
    void refusesHostsResolvingToAnyBlockedAddress() {
        assertThat(policy.checkAddresses("www.youtube.com")).isEmpty();
        assertThat(policy.checkAddresses("rebind.youtube.com")).hasValue("resolves to a blocked address");
        assertThat(policy.checkAddresses("internal.youtube.com")).hasValue("resolves to a blocked address");
        assertThat(policy.checkAddresses("nowhere.youtube.com")).hasValue("host does not resolve");
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1", "2002:7f00:1::", "64:ff9b::a00:1", "2001:0:4136:e378::1" })
    void blocksInternalAddressesInEveryForm(String literal) {
        assertThat(policy.isPermitted(InetAddress.ofLiteral(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "142.250.74.78", "8.8.8.8", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8" })
    void permitsPublicAddresses(String literal) {
        assertThat(policy.isPermitted(InetAddress.ofLiteral(literal))).as(literal).isTrue();
    }

    @Test
    void trustedNetworksAreExempt() {
        SourcePolicy trusting = new SourcePolicy(YOUTUBE, List.of("127.0.0.0/8"), this::resolve);
        assertThat(trusting.isPermitted(InetAddress.ofLiteral("127.0.0.1"))).isTrue();
        assertThat(trusting.isPermitted(InetAddress.ofLiteral("10.0.0.1"))).isFalse();
        assertThat(trusting.checkUrl("http://127.0.0.1:8080/song.mp3")).isEmpty();
        assertThat(trusting.checkUrl("http://10.0.0.1/song.mp3")).hasValue("host is not on the allowed list");
    }

    private InetAddress[] resolve(String host) throws UnknownHostException {
        String[] literals = dns.get(host);
        if (literals == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.ofLiteral(literals[i]);
        }
        return addresses;
    }
}
