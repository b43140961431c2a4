package dev.encore.ingest.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Answers of the loopback origins the pipeline's tests fetch from. */
final class LoopbackOrigin {

    /** The room of an owner whose storage quota caps nothing. */
    static final LongSupplier NO_QUOTA = () -> Long.MAX_VALUE;

    private LoopbackOrigin() {
    }

    /**
     * Sends {@code body} as {@code type}: with {@code declared} as its length (0: chunked, its size
     * known only as it is read), at {@code bytesPerSecond} (0: at once). A client hanging up ends it.
     */
    static void send(HttpExchange exchange, String type, byte[] body, long declared, int bytesPerSecond)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, declared);
        try (OutputStream out = exchange.getResponseBody()) {
            int chunk = bytesPerSecond > 0 ? bytesPerSecond / 10 : 64 * 1024;
            for (int at = 0; at < body.length; at += chunk) {
                out.write(body, at, Math.min(chunk, body.length - at));
                out.flush();
                if (bytesPerSecond > 0) {
                    Thread.sleep(100);
                }
            }
        }
        catch (IOException | InterruptedException clientLeft) {
            // the client hung up: a refused or cancelled run
        }
        finally {
            exchange.close();
        }
    }

    /** Declares the whole of {@code body}, sends half and hangs up, every time (Range is ignored). */
    static HttpHandler cutHalfway(String type, byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, body.length / 2);
                out.flush();
            }
            catch (IOException ignored) {
                // the connection is cut on purpose
            }
            throw new IOException("cut");
        };
    }

    /** A run's progress, not looked at. */
    static final class NoProgress implements MediaPipeline.Progress {

        @Override
        public void downloading(double fraction) {
        }

        @Override
        public void converting(double fraction) {
        }
    }
}
