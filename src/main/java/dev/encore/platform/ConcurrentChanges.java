package dev.encore.platform;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Runs a change again, in a transaction of its own, when another request changed the same rows
 * at the same moment (an optimistic version moved on, a lock timed out). A change sent without
 * {@code If-Match} applies to the content as it is, so the client should not see a 409 because two
 * requests met; a change with {@code If-Match} is checked against the new version on its second run,
 * and answered 412 when the client's version is no longer current.
 *
 * <p>Call it from outside the transaction (a controller): a retry inside one would reuse the
 * transaction that failed.
 */
public final class ConcurrentChanges {

    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            // each round at least one of the requests that met commits: ten at once all apply within nine retries
            .includes(ConcurrencyFailureException.class).maxRetries(9).delay(Duration.ofMillis(10))
            .multiplier(2).maxDelay(Duration.ofMillis(200)).jitter(Duration.ofMillis(10)).build());

    private ConcurrentChanges() {
    }

    /** {@code change}'s answer, after up to nine more runs while it meets a concurrent change. */
    public static <T> T retried(Supplier<T> change) {
        try {
            return RETRY.execute(change::get);
        }
        catch (RetryException failed) {
            Throwable last = failed.getCause();
            if (last instanceof RuntimeException unchecked) {
                throw unchecked; // the last failure, as if there had been no retry
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(last);
        }
    }

    /** Like {@link #retried(Supplier)}, for a change with no answer. */
    public static void retried(Runnable change) {
        retried(() -> {
            change.run();
            return null;
        });
    }
}
