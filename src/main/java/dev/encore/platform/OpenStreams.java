package dev.encore.platform;

import java.util.UUID;
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

    private final CappedCounts<UUID> open;

    OpenStreams(int perUser) {
        this.open = new CappedCounts<>(perUser);
    }

    /**
     * Counts one more stream of {@code owner}'s; the returned lease gives it back (once, however often
     * it is called).
     *
     * @throws ErrorResponseException 429 {@code too-many-streams} when the owner holds the cap already
     */
    Runnable open(UUID owner) {
        if (!open.take(owner)) {
            ErrorResponseException refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                    Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many streams",
                            "You have " + open.cap() + " progress streams open; close one before you open another."),
                    null);
            refused.getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
            throw refused;
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                open.giveBack(owner);
            }
        };
    }

    /** Streams {@code owner} holds open now. */
    int of(UUID owner) {
        return open.of(owner);
    }
}
