package dev.encore.account.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A man in the middle of a real provider (one issuer of {@link IdentityProvider}): it publishes the
 * provider's metadata as its own issuer, sends the browser to the real authorization endpoint and keys
 * (JWKS), and passes token requests on. The ID tokens it hands back are the real provider's, signed by
 * it, with their issuer: Encore must refuse them (another issuer). With {@link #relabel} on it also
 * rewrites the token's issuer to its own, which breaks the signature: Encore must refuse that too.
 */
final class RelabellingProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String realIssuer;
    private volatile boolean relabel;

    RelabellingProvider(String realIssuer) {
        this.realIssuer = realIssuer;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/relabel/.well-known/openid-configuration", this::metadata);
        server.createContext("/relabel/token", this::token);
        server.start();
    }

    String issuer() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/relabel";
    }

    void relabel(boolean relabel) {
        this.relabel = relabel;
    }

    void stop() {
        server.stop(0);
    }

    private void metadata(HttpExchange exchange) throws IOException {
        ObjectNode metadata = (ObjectNode) JSON.readTree(get(URI.create(realIssuer + "/.well-known/openid-configuration")));
        metadata.put("issuer", issuer());
        metadata.put("token_endpoint", issuer() + "/token");
        answer(exchange, metadata.toString());
    }

    private void token(HttpExchange exchange) throws IOException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(realIssuer + "/token"))
                .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            forward.header("Authorization", authorization);
        }
        ObjectNode answer = (ObjectNode) JSON.readTree(send(forward));
        if (relabel) {
            String[] parts = answer.path("id_token").asString().split("\\.");
            ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            claims.put("iss", issuer());
            answer.put("id_token", parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        }
        answer(exchange, answer.toString());
    }

    private String get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private String send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
