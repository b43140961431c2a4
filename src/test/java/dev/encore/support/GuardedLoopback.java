package dev.encore.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import dev.encore.ingest.source.EgressGuard;
import dev.encore.ingest.source.SourcePolicy;

/**
 * The loopback network of the egress-guard tests: an origin on 127.0.0.1 (a trusted network), an
 * internal server on 127.0.0.2 that the guard must refuse (it counts what reached it anyway) and
 * the guard itself. The origin answers {@code /moved.mp3} with a redirect to the internal server;
 * a test adds the rest of the origin's paths.
 */
public final class GuardedLoopback implements AutoCloseable {

    private final HttpServer origin;
    private final HttpServer internal;
    private final AtomicInteger internalHits = new AtomicInteger();
    private final EgressGuard guard;

    /** Starts both servers and the guard; the internal server answers every path with {@code tone}. */
    public GuardedLoopback(byte[] tone) throws IOException {
        internal = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        internal.createContext("/", exchange -> {
            internalHits.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, tone.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(tone);
            }
        });
        internal.start();
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        origin.createContext("/moved.mp3", exchange -> {
            exchange.getResponseHeaders().add("Location", internalUrl("/secret.mp3"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        origin.start();
        SourcePolicy.Resolver resolver = InetAddress::getAllByName;
        guard = new EgressGuard(new SourcePolicy(List.of("example.org"), List.of("127.0.0.1/32"), resolver), resolver,
                Duration.ofSeconds(5));
    }

    /** Answers {@code path} on the origin with {@code handler}. */
    public GuardedLoopback origin(String path, HttpHandler handler) {
        origin.createContext(path, handler);
        return this;
    }

    /** The URL of {@code path} on the origin. */
    public String url(String path) {
        return "http://127.0.0.1:" + origin.getAddress().getPort() + path;
    }

    /** The URL of {@code path} on the internal server, which the guard must refuse. */
    public String internalUrl(String path) {
        return "http://127.0.0.2:" + internal.getAddress().getPort() + path;
    }

    /** Requests that reached the internal server (0 when the guard did its work). */
    public int internalHits() {
        return internalHits.get();
    }

    public EgressGuard guard() {
        return guard;
    }

    @Override
    public void close() throws IOException {
        guard.close();
        origin.stop(0);
        internal.stop(0);
    }
}
