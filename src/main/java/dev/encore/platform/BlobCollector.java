package dev.encore.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.encore.platform.spi.BlobReferences;

/**
 * Deletes blobs no module references ({@link BlobReferences}). A blob stored within the last
 * {@link #GRACE} is never deleted: a worker may have stored it and not yet written the row that
 * will reference it. What the grace spares now, the recurring orphan sweep takes later.
 */
@Component
public class BlobCollector {

    /** How long a freshly stored blob is safe from collection. */
    public static final Duration GRACE = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(BlobCollector.class);

    private final BlobStore store;
    private final ObjectProvider<BlobReferences> references;
    private final Clock clock;

    /** References are looked up lazily: modules that reference blobs also collect them. */
    BlobCollector(BlobStore store, ObjectProvider<BlobReferences> references, Clock clock) {
        this.store = store;
        this.references = references;
        this.clock = clock;
    }

    /**
     * Deletes the blob when nothing references it and it is older than the grace; true if deleted.
     * Called inside a transaction, it waits for the commit: the rows that let go of the blob look
     * gone to this transaction before they are, and a rollback would leave them pointing at
     * nothing (then false: the decision comes later).
     */
    public boolean collect(String sha256) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    collectNow(sha256);
                }
            });
            return false;
        }
        return collectNow(sha256);
    }

    private boolean collectNow(String sha256) {
        try {
            if (referenced(sha256)) {
                return false;
            }
            Optional<Instant> stored = store.metadata(sha256).map(BlobStore.Metadata::lastStored);
            return stored.isPresent() && !stored.get().isAfter(clock.instant().minus(GRACE)) && store.delete(sha256);
        }
        catch (IOException ex) {
            log.warn("Could not collect blob {}: {}", sha256, ex.getMessage());
            return false;
        }
    }

    /**
     * Deletes every stored blob older than the grace that nothing references; returns how many.
     * Each candidate is judged like {@link #collect}: its store time is read again, since a store
     * may list blobs stored after the cutoff and a worker may have stored one again meanwhile.
     */
    public int sweepOrphans() {
        int deleted = 0;
        try (Stream<String> blobs = store.storedBefore(clock.instant().minus(GRACE))) {
            for (String sha256 : (Iterable<String>) blobs::iterator) {
                if (collectNow(sha256)) {
                    log.info("Deleted orphaned blob {}", sha256);
                    deleted++;
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return deleted;
    }

    private boolean referenced(String sha256) {
        return references.orderedStream().anyMatch(reference -> reference.references(sha256));
    }
}
