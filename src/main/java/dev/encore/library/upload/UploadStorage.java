package dev.encore.library.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.jobrunr.jobs.annotations.Job;
import org.springframework.data.domain.Limit;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.account.UserDeleted;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.spi.BlobReferences;
import dev.encore.platform.spi.StorageUsage;

/**
 * Unused uploads in the quota and in blob references (their files and covers), their expiry, and
 * their removal with their owner's account. Tracks and videos count through ContentStorage.
 */
@Component
public class UploadStorage implements StorageUsage, BlobReferences {

    private final Uploads uploads;
    private final ResumableUploads resumable;
    private final QuotaReservations reservations;
    private final BlobCollector collector;
    private final Clock clock;

    UploadStorage(Uploads uploads, ResumableUploads resumable, QuotaReservations reservations,
            BlobCollector collector, Clock clock) {
        this.uploads = uploads;
        this.resumable = resumable;
        this.reservations = reservations;
        this.collector = collector;
        this.clock = clock;
    }

    @Override
    public long bytesUsedBy(UUID ownerId) {
        return uploads.liveBytes(ownerId, clock.instant());
    }

    @Override
    public boolean references(String sha256) {
        return uploads.existsLiveReferencing(sha256, clock.instant());
    }

    /**
     * Deletes uploads that expired more than a day ago (the daily quota counts them until then),
     * expired resumable uploads with their staged bytes, and expired reservations.
     */
    @Job(name = "Delete expired uploads")
    public int deleteExpiredUploads() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));
        int deleted = resumable.deleteExpired();
        reservations.deleteExpired();
        List<Upload> expired;
        while (!(expired = uploads.findByExpiresAtBefore(cutoff, Limit.of(500))).isEmpty()) {
            uploads.deleteAll(expired);
            blobsOf(expired).forEach(collector::collect);
            deleted += expired.size();
        }
        return deleted;
    }

    /** A deleted account's uploads go with it. */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        List<Upload> sent = uploads.findByOwnerId(deleted.userId());
        uploads.deleteAll(sent);
        blobsOf(sent).forEach(collector::collect);
    }

    /** Uploads' files and covers. */
    private static Stream<String> blobsOf(List<Upload> sent) {
        return sent.stream().flatMap(upload -> Stream.of(upload.sha256(), upload.coverSha256()))
                .filter(Objects::nonNull).distinct();
    }
}
