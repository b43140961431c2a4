package dev.encore.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback origin for media tests: serves files generated with ffmpeg, counts the requests for
 * each path, can serve slowly (to cancel mid-download), serve an RSS feed (a playlist for
 * yt-dlp's generic extractor) and redirect to another address.
 */
public final class MediaServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> bodies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();

    public MediaServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The URL of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves {@code file} at {@code path}; {@code bytesPerSecond} > 0 throttles the body. */
    public MediaServer file(String path, Path file, String contentType, int bytesPerSecond) {
        server.createContext(path, exchange -> {
            count(hits, path);
            byte[] bytes = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Content-Length", Integer.toString(bytes.length));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            }
            count(bodies, path);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (bytesPerSecond <= 0) {
                    out.write(bytes);
                }
                else {
                    int chunk = Math.max(1, bytesPerSecond / 10);
                    for (int at = 0; at < bytes.length; at += chunk) {
                        out.write(bytes, at, Math.min(chunk, bytes.length - at));
                        out.flush();
                        Thread.sleep(100);
                    }
                }
                out.flush();
                count(completed, path);
            }
            catch (IOException | InterruptedException clientLeft) {
                // the client hung up (a cancelled import)
            }
            finally {
                exchange.close();
            }
        });
        return this;
    }

    /** Serves {@code body} as an RSS feed at {@code path}. */
    public MediaServer text(String path, String contentType, String body) {
        server.createContext(path, exchange -> {
            count(hits, path);
            send(exchange, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
        });
        return this;
    }

    /** Answers {@code path} with a redirect to {@code location}. */
    public MediaServer redirect(String path, String location) {
        server.createContext(path, exchange -> {
            count(hits, path);
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        return this;
    }

    /** Answers {@code path} with 404. */
    public MediaServer missing(String path) {
        return failing(path, 404);
    }

    /** Answers {@code path} with {@code status} every time (503: a struggling origin). */
    public MediaServer failing(String path, int status) {
        server.createContext(path, exchange -> {
            count(hits, path);
            send(exchange, status, "text/plain", "unavailable".getBytes(StandardCharsets.UTF_8));
        });
        return this;
    }

    /** Requests for {@code path}, any method. */
    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /**
     * Bodies of {@code path} the client read to the end. Throttled files only: a client that
     * only looks at the headers (yt-dlp probing a link) hangs up, and the next chunk fails.
     */
    public int completed(String path) {
        return completed.getOrDefault(path, new AtomicInteger()).get();
    }

    /** GET requests for {@code path} that were answered with the body. */
    public int bodies(String path) {
        return bodies.getOrDefault(path, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void count(Map<String, AtomicInteger> counters, String path) {
        counters.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
