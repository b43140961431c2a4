package dev.encore.delivery.rendition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

import dev.encore.platform.BlobCollector;
import dev.encore.platform.spi.BlobReferences;

/**
 * Transcoded renditions as a least-recently-used cache over the whole cluster, bounded by
 * {@code encore.stream.rendition-cache-size}: the ready rows are the cache (their blobs are
 * referenced, so the collector keeps them), their last use its recency. Evicting deletes the row and
 * hands the blob to the collector, which deletes it once nothing else references it and its grace
 * has passed (the orphan sweep takes those the grace spared).
 */
@Component
class RenditionCache implements BlobReferences {

    private static final Logger log = LoggerFactory.getLogger(RenditionCache.class);

    /** How long after its last use a rendition is safe from eviction (a stream may still be reading it). */
    static final Duration IN_USE = Duration.ofMinutes(1);
    /** A rendition's use is written at most this often, so a player's many range requests cost one write. */
    static final Duration TOUCH_EVERY = Duration.ofSeconds(20);
    private static final int BATCH = 100;

    private final StoredRenditions rows;
    private final BlobCollector collector;
    private final StreamProperties properties;
    private final Clock clock;

    RenditionCache(StoredRenditions rows, BlobCollector collector, StreamProperties properties, Clock clock) {
        this.rows = rows;
        this.collector = collector;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean references(String sha256) {
        return rows.existsBySha256(sha256);
    }

    /** Records a use of {@code rendition}, unless one was recorded moments ago. */
    void used(StoredRendition rendition) {
        Instant now = clock.instant();
        Instant since = now.minus(TOUCH_EVERY);
        if (rendition.lastUsedAt() == null || rendition.lastUsedAt().isBefore(since)) {
            rows.touch(rendition.key(), now, since);
        }
    }

    /**
     * Evicts least recently used renditions until the cache fits; never {@code keep} (just made),
     * nor one used within {@link #IN_USE}. Returns how many went.
     */
    int evict(RenditionKey keep) {
        long max = properties.renditionCacheSize().toBytes();
        long total = rows.readyBytes();
        if (total <= max) {
            return 0;
        }
        Instant before = clock.instant().minus(IN_USE);
        int evicted = 0;
        for (StoredRendition oldest : rows.leastRecentlyUsed(before, Limit.of(BATCH))) {
            if (total <= max) {
                break;
            }
            if (!oldest.key().equals(keep.value()) && rows.evict(oldest.key(), oldest.claimToken(), before) == 1) {
                total -= oldest.size();
                evicted++;
                collector.collect(oldest.sha256());
                log.debug("Evicted rendition {} ({} bytes)", oldest.key(), oldest.size());
            }
        }
        return evicted;
    }
}
