package dev.encore.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against real sockets: a trusted origin on 127.0.0.1, an "internal" one on 127.0.0.2. */
class EgressGuardTests {

    private HttpServer trusted;
    private HttpServer internal;
    private EgressGuard guard;
    private EgressGuard.Lease lease;

    @BeforeEach
    void start() throws IOException {
        internal = server("127.0.0.2", "/secret", 200, "internal-data", Map.of());
        trusted = server("127.0.0.1", "/ok", 200, "hello", Map.of());
        trusted.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + internal.getAddress().getPort() + "/secret");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        Map<String, List<String>> dns = Map.of("media.test", List.of("127.0.0.1"),
                "rebind.test", List.of("127.0.0.1", "127.0.0.2"));
        SourcePolicy.Resolver resolver = host -> {
            List<String> literals = dns.get(host);
            return literals != null ? literals.stream().map(InetAddress::ofLiteral).toArray(InetAddress[]::new)
                    : new InetAddress[] { InetAddress.ofLiteral(host) };
        };
        SourcePolicy policy = new SourcePolicy(List.of("media.test"), List.of("127.0.0.1/32"), resolver);
        guard = new EgressGuard(policy, resolver, Duration.ofSeconds(2));
        lease = guard.lease();
    }

    @AfterEach
    void stop() throws IOException {
        guard.close();
        trusted.stop(0);
        internal.stop(0);
    }

    @Test
    void forwardsToPermittedDestinations() throws IOException {
        String response = viaProxy("GET http://media.test:" + trusted.getAddress().getPort() + "/ok HTTP/1.1", credential());
        assertThat(response).startsWith("HTTP/1.1 200").endsWith("hello");
    }

    @Test
    void refusesBlockedDestinationsAndTellsTheJob() throws IOException {
        String response = viaProxy("GET http://127.0.0.2:" + internal.getAddress().getPort() + "/secret HTTP/1.1",
                credential());
        assertThat(response).startsWith("HTTP/1.1 403").doesNotContain("internal-data");
        assertThat(lease.refused()).containsExactly("127.0.0.2");
    }

    @Test
    void refusesHostsThatResolveToAnyBlockedAddress() throws IOException {
        String response = viaProxy("GET http://rebind.test:" + internal.getAddress().getPort() + "/secret HTTP/1.1",
                credential());
        assertThat(response).startsWith("HTTP/1.1 403");
    }

    @Test
    void tunnelsHttpsStyleConnectOnlyToPermittedDestinations() throws IOException {
        assertThat(viaProxy("CONNECT 127.0.0.2:" + internal.getAddress().getPort() + " HTTP/1.1", credential()))
                .startsWith("HTTP/1.1 403");
        try (Socket socket = new Socket("127.0.0.1", guard.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("CONNECT 127.0.0.1:" + trusted.getAddress().getPort() + " HTTP/1.1\r\n" + credential() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(("GET /ok HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 200 Connection Established").endsWith("hello");
        }
    }

    @Test
    void answersPortsOutsideTheValidRangeWithBadRequest() throws IOException {
        assertThat(viaProxy("GET http://media.test:99999/ok HTTP/1.1", credential())).startsWith("HTTP/1.1 400");
        assertThat(viaProxy("GET http://media.test:0/ok HTTP/1.1", credential())).startsWith("HTTP/1.1 400");
        assertThat(viaProxy("CONNECT media.test:65536 HTTP/1.1", credential())).startsWith("HTTP/1.1 400");
        assertThat(viaProxy("CONNECT media.test:https HTTP/1.1", credential())).startsWith("HTTP/1.1 400");
        assertThat(lease.refused()).isEmpty();
    }

    @Test
    void refusesIpv4MappedLiteralsEvenOfTrustedAddresses() throws IOException {
        String response = viaProxy("GET http://[::ffff:127.0.0.1]:" + trusted.getAddress().getPort() + "/ok HTTP/1.1",
                credential());
        assertThat(response).startsWith("HTTP/1.1 403").doesNotContain("hello");
        assertThat(lease.refused()).containsExactly("::ffff:127.0.0.1");
    }

    @Test
    void guardedHttpReachesIpv6Literals() throws IOException {
        HttpServer v6 = server("::1", "/ok", 200, "hello-v6", Map.of());
        SourcePolicy.Resolver literal = host -> new InetAddress[] { InetAddress.ofLiteral(host) };
        try (EgressGuard trustingV6 = new EgressGuard(new SourcePolicy(List.of(), List.of("::1/128"), literal),
                literal, Duration.ofSeconds(2)); EgressGuard.Lease v6Lease = trustingV6.lease();
                GuardedHttp.Response response = new GuardedHttp(trustingV6, Duration.ofSeconds(5))
                        .get("http://[::1]:" + v6.getAddress().getPort() + "/ok", v6Lease)) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("hello-v6");
        }
        finally {
            v6.stop(0);
        }
    }

    @Test
    void demandsTheJobsCredential() throws IOException {
        String target = "GET http://media.test:" + trusted.getAddress().getPort() + "/ok HTTP/1.1";
        assertThat(viaProxy(target, "")).startsWith("HTTP/1.1 407");
        assertThat(viaProxy(target, "Proxy-Authorization: Basic " + Base64.getEncoder().encodeToString(
                (lease.proxyUrl().split("[/:@]")[3] + ":wrong").getBytes()) + "\r\n")).startsWith("HTTP/1.1 407");
        String credential = credential();
        lease.close();
        assertThat(viaProxy(target, credential)).startsWith("HTTP/1.1 407");
    }

    @Test
    void leaseUrlsPointAtLoopback() {
        assertThat(lease.proxyUrl()).matches("http://job[0-9a-f]{16}:[A-Za-z0-9_-]{32}@127\\.0\\.0\\.1:\\d+");
    }

    private String credential() {
        String userInfo = lease.proxyUrl().substring("http://".length(), lease.proxyUrl().lastIndexOf('@'));
        return "Proxy-Authorization: Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes()) + "\r\n";
    }

    private String viaProxy(String requestLine, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", guard.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((requestLine + "\r\nHost: x\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static HttpServer server(String address, String path, int status, String body, Map<String, String> headers)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
