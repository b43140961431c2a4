package dev.encore.delivery.rendition;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.encore.platform.BlobStore;
import dev.encore.platform.StorageUnavailableException;

/**
 * Transcoded renditions of stored audio, as blobs in the blob store (so that even the first answer
 * has an exact Content-Length and honours Range, and any node serves what another made). A request
 * never holds its thread for a whole transcode: it waits up to {@code encore.stream.rendition-wait}
 * and then answers 503 with {@code Retry-After} while the transcode goes on. Concurrent requests on
 * a node share one transcode; a node with {@code encore.stream.max-queued-transcodes} renditions
 * in the making refuses more at once.
 */
@Component
public class Renditions {

    private static final Logger log = LoggerFactory.getLogger(Renditions.class);

    /** How long a ready rendition's blob, once seen, is trusted to be there without looking again. */
    private static final Duration VERIFIED_FOR = Duration.ofMinutes(1);

    private final StoredRenditions rows;
    private final RenditionCache cache;
    private final RenditionTranscoder transcoder;
    private final BlobStore blobs;
    private final StreamProperties properties;
    private final Map<String, CompletableFuture<Rendition>> inFlight = new ConcurrentHashMap<>();
    private final Cache<String, UUID> verified = Caffeine.newBuilder().expireAfterWrite(VERIFIED_FOR)
            .maximumSize(10_000).build();
    private final ExecutorService makers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("transcode-", 0).factory());

    Renditions(StoredRenditions rows, RenditionCache cache, RenditionTranscoder transcoder, BlobStore blobs,
            StreamProperties properties) {
        this.rows = rows;
        this.cache = cache;
        this.transcoder = transcoder;
        this.blobs = blobs;
        this.properties = properties;
    }

    /**
     * The rendition, made if needed.
     *
     * @throws ErrorResponseException 503 {@code rendition-pending} or {@code transcoder-busy} (with
     *                                {@code Retry-After}), 422 {@code transcode-failed}, 404 when the
     *                                source is gone, 503 {@code storage-unavailable}
     */
    public Rendition of(RenditionKey key) {
        Optional<StoredRendition> row = rows.findById(key.value());
        if (row.isPresent() && row.get().status() == StoredRendition.State.READY) {
            if (stored(row.get())) {
                cache.used(row.get());
                return row.get().rendition();
            }
            rows.release(key.value(), row.get().claimToken()); // its blob is lost: make it again
        }
        if (row.isPresent() && transcoder.failedRecently(row.get())) {
            throw StreamProblems.transcodeFailed(); // the answer is known: no need to wait for it
        }
        return await(making(key));
    }

    /** Forgets a rendition whose blob turned out to be missing when it was served; the next request remakes it. */
    public void lost(RenditionKey key, Rendition rendition) {
        verified.invalidate(key.value());
        rows.release(key.value(), rendition.version());
    }

    private boolean stored(StoredRendition row) {
        if (row.claimToken().equals(verified.getIfPresent(row.key()))) {
            return true;
        }
        try {
            boolean present = blobs.metadata(row.sha256()).isPresent();
            if (present) {
                verified.put(row.key(), row.claimToken());
            }
            return present;
        }
        catch (IOException ex) {
            log.warn("Cannot check rendition {}: {}", row.key(), ex.getMessage());
            throw new StorageUnavailableException(ex);
        }
    }

    /** This node's transcode of {@code key}, started unless one is under way; refused when too many are. */
    private CompletableFuture<Rendition> making(RenditionKey key) {
        CompletableFuture<Rendition> making = inFlight.computeIfAbsent(key.value(), name -> {
            if (inFlight.size() >= properties.maxQueuedTranscodes()) {
                throw StreamProblems.busy();
            }
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return transcoder.make(key);
                }
                catch (InterruptedException ex) { // the node is stopping
                    Thread.currentThread().interrupt();
                    throw StreamProblems.pending();
                }
            }, makers);
        });
        making.whenComplete((rendition, failure) -> inFlight.remove(key.value(), making));
        return making;
    }

    private Rendition await(CompletableFuture<Rendition> making) {
        try {
            return making.get(properties.renditionWait().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException notYet) {
            throw StreamProblems.pending();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof ErrorResponseException problem) {
                throw StreamProblems.copyOf(problem); // each waiter's answer gets its own request id
            }
            throw new IllegalStateException("Making a rendition failed", ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw StreamProblems.pending();
        }
    }

    @PreDestroy
    void stop() {
        makers.shutdownNow();
    }
}
