package dev.encore.ingest.artifact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.platform.BlobStore;

/**
 * Single flight across users and nodes: for one artifact key (canonical source + format) exactly
 * one worker holds the claim and fetches and converts; the others wait and then reuse the stored
 * result until it expires. The claim is a database row, so it works the same with one node or
 * many. A claim whose holder stopped heart-beating (a crashed node) is taken over; a permanent
 * failure is shared with the waiters for a minute instead of being refetched by each of them,
 * except {@code quota-exceeded}: that is the producing owner's, not the source's, so the claim is
 * released and a waiter of another owner produces the artifact under its own quota.
 */
@Component
public class SharedArtifacts {

    /** A claim not heart-beaten for this long belongs to a dead worker. */
    static final Duration STALE_CLAIM = Duration.ofSeconds(45);
    /** Holders refresh their claim this often while the tools print anything. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration SHARED_FAILURE = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(250);

    private final Artifacts artifacts;
    private final BlobStore blobs;
    private final TransactionTemplate newTransaction;
    private final IngestProperties properties;
    private final Clock clock;

    SharedArtifacts(Artifacts artifacts, BlobStore blobs, PlatformTransactionManager transactions,
            IngestProperties properties, Clock clock) {
        this.artifacts = artifacts;
        this.blobs = blobs;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A stored artifact.
     *
     * @param reused whether it was made by another request
     */
    public record Ready(String sha256, long size, long durationMs, String title, boolean reused) {
    }

    /** Makes the artifact and stores it; calls {@code heartbeat} now and then while working. */
    @FunctionalInterface
    public interface Producer {
        Made produce(Runnable heartbeat) throws InterruptedException;
    }

    /** What a producer stored. */
    public record Made(BlobStore.StoredBlob blob, long durationMs, String title) {
    }

    public Ready obtain(String key, Producer producer, BooleanSupplier cancelled) throws InterruptedException {
        UUID token = UUID.randomUUID();
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            Instant now = clock.instant();
            Optional<Artifact> current = artifacts.findById(key);
            if (current.isEmpty()) {
                if (insertClaim(key, token, now)) {
                    return produce(key, token, producer);
                }
                continue; // another worker claimed it first
            }
            Artifact artifact = current.get();
            switch (artifact.status()) {
                case READY -> {
                    if (artifact.expiresAt().isAfter(now) && stored(artifact.sha256())) {
                        return new Ready(artifact.sha256(), artifact.size(),
                                artifact.durationMs() == null ? 0 : artifact.durationMs(), artifact.title(), true);
                    }
                    if (artifacts.reclaim(key, artifact.claimToken(), token, now) == 1) {
                        return produce(key, token, producer);
                    }
                }
                case FETCHING -> {
                    if (artifact.claimedAt().isBefore(now.minus(STALE_CLAIM))
                            && artifacts.reclaim(key, artifact.claimToken(), token, now) == 1) {
                        return produce(key, token, producer);
                    }
                }
                case FAILED -> {
                    if (artifact.claimedAt().isAfter(now.minus(SHARED_FAILURE))) {
                        ImportError error = ImportError.ofCode(artifact.errorCode());
                        throw new ImportFailure(error, artifact.errorMessage() == null ? error.reason()
                                : artifact.errorMessage(), "shared failure of " + key);
                    }
                    if (artifacts.reclaim(key, artifact.claimToken(), token, now) == 1) {
                        return produce(key, token, producer);
                    }
                }
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private Ready produce(String key, UUID token, Producer producer) throws InterruptedException {
        Instant[] lastBeat = { clock.instant() };
        Runnable heartbeat = () -> {
            Instant now = clock.instant();
            if (now.isAfter(lastBeat[0].plus(HEARTBEAT))) {
                lastBeat[0] = now;
                artifacts.heartbeat(key, token, now);
            }
        };
        Made made;
        try {
            made = producer.produce(heartbeat);
        }
        catch (ImportFailure failure) {
            if (failure.error().isTransient() || failure.error() == ImportError.QUOTA_EXCEEDED) {
                artifacts.release(key, token);
            }
            else {
                artifacts.failed(key, token, failure.error().code(), failure.reason(), clock.instant());
            }
            throw failure;
        }
        catch (InterruptedException | RuntimeException ex) {
            artifacts.release(key, token);
            throw ex;
        }
        Instant now = clock.instant();
        artifacts.ready(key, token, made.blob().sha256(), made.blob().size(), made.durationMs(), made.title(),
                now.plus(properties.resultTtl()), now);
        return new Ready(made.blob().sha256(), made.blob().size(), made.durationMs(), made.title(), false);
    }

    /**
     * Lets go of an artifact this request made ({@link Ready#reused} false) whose owner could not
     * file it after all (the quota filled up meanwhile), so that the row no longer keeps its blob
     * alive for the result's lifetime: the blob collector takes it once nothing else references it.
     * A reused artifact is another request's and stays; so does a row made again since.
     */
    public void discard(String key, Ready ready) {
        if (!ready.reused()) {
            artifacts.discard(key, ready.sha256());
        }
    }

    /** Whether the blob is there; a store that cannot tell fails the attempt (JobRunr retries it). */
    private boolean stored(String sha256) {
        try {
            return blobs.metadata(sha256).isPresent();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /**
     * Inserts the claim row; false when another worker's row got there first. A save of an artifact
     * only ever inserts (never an update over the other worker's claim); its own transaction, as a
     * failed INSERT ends the transaction it runs in on PostgreSQL.
     */
    private boolean insertClaim(String key, UUID token, Instant now) {
        try {
            newTransaction.executeWithoutResult(status -> artifacts.save(new Artifact(key, token, now)));
            return true;
        }
        catch (DataIntegrityViolationException duplicate) {
            return false;
        }
    }
}
