package dev.encore.delivery.rendition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.ErrorResponseException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.encore.platform.BlobStore;
import dev.encore.platform.DiskReserve;
import dev.encore.platform.OutputRoom;
import dev.encore.platform.StorageFull;
import dev.encore.platform.StorageUnavailableException;
import dev.encore.media.Ffmpeg;
import dev.encore.media.MediaProbe;
import dev.encore.media.ProcessRunner;
import dev.encore.delivery.file.DeliverableCatalog;

/**
 * Makes one rendition, once across the cluster: a claim row says which node transcodes it (the
 * others wait for the row to turn ready); the holder runs ffmpeg on a local copy of the source
 * (the blob's own file, or a spooled one), stores the result as a blob and marks the row ready. A
 * claim whose holder stopped heart-beating (a crashed node) is taken over; a source ffmpeg cannot
 * convert is remembered for a minute, so that requests share that answer.
 */
@Component
class RenditionTranscoder {

    private static final Logger log = LoggerFactory.getLogger(RenditionTranscoder.class);

    /** A claim not heart-beaten for this long belongs to a dead node. */
    static final Duration STALE_CLAIM = Duration.ofSeconds(45);
    /** Holders refresh their claim this often while they wait for a slot or transcode. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** How long a failed transcode is the answer for everybody asking. */
    static final Duration SHARED_FAILURE = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(250);

    private final StoredRenditions rows;
    private final RenditionCache cache;
    private final BlobStore blobs;
    private final ProcessRunner processes;
    private final TransactionTemplate newTransaction;
    private final StreamProperties properties;
    private final Ffmpeg ffmpeg;
    private final MediaProbe probe;
    private final DiskReserve disk;
    private final Counter transcodes;
    private final Semaphore slots;
    private final Clock clock;

    RenditionTranscoder(StoredRenditions rows, RenditionCache cache, BlobStore blobs, ProcessRunner processes,
            PlatformTransactionManager transactions, StreamProperties properties,
            Ffmpeg ffmpeg, MediaProbe probe, DiskReserve disk, MeterRegistry meters, Clock clock) {
        this.rows = rows;
        this.cache = cache;
        this.blobs = blobs;
        this.processes = processes;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.ffmpeg = ffmpeg;
        this.probe = probe;
        this.disk = disk;
        this.slots = new Semaphore(properties.effectiveConcurrentTranscodes(), true);
        this.transcodes = Counter.builder("encore.stream.transcodes")
                .description("Renditions transcoded (cache misses; shared requests count once)").register(meters);
        this.clock = clock;
    }

    /**
     * The rendition, made here or by the node that claimed it first.
     *
     * @throws ErrorResponseException 422 {@code transcode-failed}, 404 when the source is gone, 503
     *                                {@code storage-unavailable}, 507 {@code insufficient-storage}
     */
    Rendition make(RenditionKey key) throws InterruptedException {
        UUID token = UUID.randomUUID();
        while (true) {
            Instant now = clock.instant();
            Optional<StoredRendition> row = rows.findById(key.value());
            if (row.isEmpty()) {
                if (insertClaim(key, token, now)) {
                    return transcode(key, token);
                }
                continue; // another node claimed it first
            }
            StoredRendition current = row.get();
            switch (current.status()) {
                case READY -> {
                    return current.rendition();
                }
                case FAILED -> {
                    if (failedRecently(current)) {
                        throw StreamProblems.transcodeFailed();
                    }
                    if (rows.reclaim(key.value(), current.claimToken(), token, now) == 1) {
                        return transcode(key, token);
                    }
                }
                case MAKING -> {
                    if (current.claimedAt().isBefore(now.minus(STALE_CLAIM))
                            && rows.reclaim(key.value(), current.claimToken(), token, now) == 1) {
                        return transcode(key, token);
                    }
                }
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Whether the rendition failed within {@link #SHARED_FAILURE}: that is the answer for now. */
    boolean failedRecently(StoredRendition row) {
        return row.status() == StoredRendition.State.FAILED
                && row.claimedAt().isAfter(clock.instant().minus(SHARED_FAILURE));
    }

    /** Transcodes under a claim; a failure marks the claim failed (the source's fault) or gives it up. */
    private Rendition transcode(RenditionKey key, UUID token) throws InterruptedException {
        Heartbeat heartbeat = new Heartbeat(key, token);
        try {
            // this node's ffmpeg slots; the claim stays fresh while we wait for one
            while (!slots.tryAcquire(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS)) {
                heartbeat.beat();
            }
            try {
                return run(key, token, heartbeat);
            }
            finally {
                slots.release();
            }
        }
        catch (SourceRefused refused) {
            rows.failed(key.value(), token, clock.instant());
            throw StreamProblems.transcodeFailed();
        }
        catch (NoSuchFileException sourceGone) {
            rows.release(key.value(), token);
            throw new DeliverableCatalog.NotFound();
        }
        catch (IOException ex) {
            rows.release(key.value(), token); // not the source's fault: the next request tries again
            if (ex instanceof NoRoom || StorageFull.causedBy(ex)) {
                log.warn("Rendition {} not made: the disk has no room above its reserve "
                        + "(encore.storage.min-free-space); free space there", key.value());
                throw StorageFull.problem();
            }
            log.warn("Rendition {} could not be made: {}", key.value(), ex.getMessage());
            throw new StorageUnavailableException(ex);
        }
        catch (InterruptedException | RuntimeException ex) {
            rows.release(key.value(), token);
            throw ex;
        }
    }

    private Rendition run(RenditionKey key, UUID token, Heartbeat heartbeat) throws IOException, InterruptedException {
        OutputRoom room = disk.outputRoom();
        if (room.none()) {
            throw new NoRoom();
        }
        Path work = blobs.createStaging("rendition");
        try (BlobStore.LocalFile source = blobs.localFile(key.sourceSha256())) {
            Path output = work.resolve("rendition." + key.format().extension());
            List<String> command = room.limit(ffmpeg.transcodeAudio(source.path(), output,
                    bitrate(key, source.path()), key.format().encoder()), output);
            transcodes.increment();
            ProcessRunner.Result result = processes.run(new ProcessRunner.Spec(command, work,
                    properties.transcodeTimeout(), Map.of()), progress -> heartbeat.beat());
            if (result.storageFull() || result.succeeded() && room.reached(output)) {
                throw new NoRoom(); // cut off: neither kept nor blamed on the source
            }
            if (!result.succeeded() || !Files.isRegularFile(output) || Files.size(output) == 0) {
                log.warn("Transcoding {} failed (exit {}{}): {}", key.value(), result.exitCode(),
                        result.timedOut() ? ", timed out" : "", String.join(" | ", result.stderrTail()));
                throw new SourceRefused();
            }
            BlobStore.StoredBlob blob = blobs.store(output);
            Instant now = clock.instant();
            if (rows.ready(key.value(), token, blob.sha256(), blob.size(), now) == 1) {
                cache.evict(key);
            } // else another node took the claim over meanwhile: this copy serves this request only
            return new Rendition(blob.sha256(), blob.size(), now, token);
        }
        finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /**
     * The key's bitrate, capped at what the encoder takes for the source's channels: opus at 320 of
     * a mono source is made at 256 (libopus refuses more, every time). The channels are read only
     * for a bitrate that may be over a limit; when ffprobe cannot tell, the request stands.
     */
    private int bitrate(RenditionKey key, Path source) throws InterruptedException {
        if (!key.format().limitedAt(key.bitrate())) {
            return key.bitrate();
        }
        return probe.probe(source).channels().map(channels -> key.format().bitrateFor(key.bitrate(), channels))
                .orElse(key.bitrate());
    }

    /** Inserts the claim row; false when another node's row got there first. */
    private boolean insertClaim(RenditionKey key, UUID token, Instant now) {
        try {
            // always an INSERT (an InsertOnlyRow), never an overwrite of another node's claim
            newTransaction.executeWithoutResult(status -> rows.save(new StoredRendition(key, token, now)));
            return true;
        }
        catch (DataIntegrityViolationException duplicate) {
            return false;
        }
    }

    /** ffmpeg refused the source (or ran out of time on it). */
    private static final class SourceRefused extends IOException {

        SourceRefused() {
            super("ffmpeg could not transcode the source", null);
        }
    }

    /** The disk had no room for the rendition above its reserve. */
    private static final class NoRoom extends IOException {

        NoRoom() {
            super("no room above the disk's reserve", null);
        }
    }

    /** Refreshes a claim at most every {@link #HEARTBEAT}. */
    private final class Heartbeat {

        private final RenditionKey key;
        private final UUID token;
        private final AtomicReference<Instant> last;

        Heartbeat(RenditionKey key, UUID token) {
            this.key = key;
            this.token = token;
            this.last = new AtomicReference<>(clock.instant());
        }

        void beat() {
            Instant now = clock.instant();
            Instant previous = last.get();
            if (now.isAfter(previous.plus(HEARTBEAT)) && last.compareAndSet(previous, now)) {
                rows.heartbeat(key.value(), token, now);
            }
        }
    }
}
