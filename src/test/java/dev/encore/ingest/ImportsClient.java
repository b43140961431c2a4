package dev.encore.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.encore.support.Api;

/**
 * The imports API as a test client. Waiting polls with a fresh client address every few
 * requests, so polling never trips the general per-client rate limit.
 */
public final class ImportsClient {

    private final int port;
    private Api api;
    private int calls;

    public ImportsClient(int port) {
        this.port = port;
        this.api = new Api(port);
    }

    Api api() {
        if (++calls % 25 == 0) {
            api = new Api(port);
        }
        return api;
    }

    public HttpResponse<String> single(String token, String url, String format, String customName) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("url", url);
        if (format != null) {
            body.put("format", format);
        }
        if (customName != null) {
            body.put("customName", customName);
        }
        return api().postJson("/api/v1/imports", body.toString(), token);
    }

    /** Starts a single import and returns its id (asserting 202 + Location). */
    public String start(String token, String url, String format) {
        HttpResponse<String> response = single(token, url, format, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = Api.json(response).path("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/imports/" + id);
        return id;
    }

    JsonNode get(String token, String id) {
        HttpResponse<String> response = api().get("/api/v1/imports/" + id, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    /** Polls until the import has finished (any final status). */
    public JsonNode awaitFinished(String token, String id) throws InterruptedException {
        return await(token, id, Duration.ofSeconds(120), "SUCCEEDED", "PARTIAL", "FAILED", "CANCELLED");
    }

    JsonNode await(String token, String id, Duration timeout, String... statuses) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<JsonNode> current = new java.util.concurrent.atomic.AtomicReference<>();
        List<String> wanted = List.of(statuses);
        try {
            return org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        current.set(get(token, id));
                        return current.get();
                    }, page -> wanted.contains(page.path("status").asString()));
        }
        catch (org.awaitility.core.ConditionTimeoutException ex) {
            throw new AssertionError("import " + id + " did not reach " + String.join("/", statuses) + ": "
                    + current.get(), ex);
        }
    }

    /** A download link for a file; returns the path part ({@code /dl/...}). */
    public String fileLink(String token, String fileId) {
        HttpResponse<String> response = api().postJson("/api/v1/files/" + fileId + "/link", "", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String url = Api.json(response).path("url").asString();
        return url.substring(url.indexOf("/dl/"));
    }

    /** Downloads {@code path} into {@code target}. */
    HttpResponse<Path> download(String path, Path target, String... headers) {
        HttpRequest.Builder request = api().request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            Files.deleteIfExists(target);
            return HttpClientHolder.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofFile(target));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static final class HttpClientHolder {
        static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();
    }
}
