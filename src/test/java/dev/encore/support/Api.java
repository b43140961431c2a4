package dev.encore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for integration tests, speaking to the app like any client would. Each
 * instance poses as its own client address (through the trusted-proxy header) so rate-limit
 * buckets never leak between tests.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

    private final HttpClient client;
    private final String base;
    private final String clientAddress;

    public Api(int port) {
        this(port, null);
    }

    /** A client whose socket is bound to {@code localAddress} (e.g. 127.0.0.2). */
    public Api(int port, InetAddress localAddress) {
        this("http://127.0.0.1:" + port, localAddress);
    }

    /** A client of the server at {@code base}, e.g. {@code http://127.0.0.1:8080} (tools run against a live server). */
    public static Api at(String base) {
        return new Api(base.replaceAll("/+$", ""), null);
    }

    private Api(String base, InetAddress localAddress) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.client = builder.build();
        this.base = base;
        this.clientAddress = nextClientAddress();
    }

    /**
     * The next address of 198.18.0.0/16 (65,536 of them; 198.19.0.0/16 is left to the tests that
     * pick their own), from a random start per test JVM: every
     * client of a run poses as an address of its own. Random picks collided now and then with an
     * address an earlier client had used up its rate limit with (a 429 in an unrelated test).
     */
    public static String nextClientAddress() {
        int n = Math.floorMod(NEXT_CLIENT.getAndIncrement(), 1 << 16);
        return "198.18." + (n >> 8) + "." + (n & 0xff);
    }

    /** The forwarded address this client poses as (a TEST-NET address). */
    public String clientAddress() {
        return clientAddress;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", clientAddress());
    }

    /** A request without the forwarded header. */
    public HttpRequest.Builder rawRequest(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> get(String path, String bearerToken) {
        return send(request(path).header("Authorization", "Bearer " + bearerToken).GET());
    }

    public HttpResponse<String> postJson(String path, String json, String bearerToken) {
        return send(request(path).header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method with a bearer token and an optional JSON body. */
    public HttpResponse<String> send(String method, String path, String bearerToken, String json) {
        HttpRequest.Builder request = request(path).header("Authorization", "Bearer " + bearerToken);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code request}, reading the body with {@code body} (e.g. bytes of an image). */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.build(), body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Sends and keeps the body as bytes (media, downloads). */
    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    public String base() {
        return base;
    }
}
