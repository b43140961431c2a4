package dev.encore.platform;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * How many progress streams each user holds open on this node, up to a cap: every open stream keeps
 * a connection, a subscription and its buffers, and one that a client abandoned is only noticed at
 * the next message or its timeout, so a client that opens them in a loop would otherwise hold as
 * many as it likes.
 */
final class OpenStreams {

    private final int perUser;
    private final ConcurrentHashMap<UUID, Integer> open = new ConcurrentHashMap<>();

    OpenStreams(int perUser) {
        this.perUser = perUser;
    }

    /**
     * Counts one more stream of {@code owner}'s; the returned lease gives it back (once, however often
     * it is called).
     *
     * @throws ErrorResponseException 429 {@code too-many-streams} when the owner holds the cap already
     */
    Runnable open(UUID owner) {
        boolean[] taken = new boolean[1];
        open.compute(owner, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perUser) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            ErrorResponseException refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                    Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many streams",
                            "You have " + perUser + " progress streams open; close one before you open another."),
                    null);
            refused.getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
            throw refused;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(owner, (key, count) -> count <= 1 ? null : count - 1);
            }
        };
    }

    /** Streams {@code owner} holds open now. */
    int of(UUID owner) {
        return open.getOrDefault(owner, 0);
    }
}
