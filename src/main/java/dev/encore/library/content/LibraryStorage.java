package dev.encore.library.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.jobrunr.jobs.annotations.Job;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.account.UserDeleted;
import dev.encore.library.ContentChanged;
import dev.encore.library.search.SearchKind;
import dev.encore.library.track.Track;
import dev.encore.library.track.Tracks;
import dev.encore.library.upload.ResumableUploads;
import dev.encore.library.upload.Upload;
import dev.encore.library.upload.Uploads;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.BlobReferences;
import dev.encore.platform.StorageUsage;

/**
 * Library content in the quota (tracks and unused uploads) and in blob references (their files and
 * covers); unused uploads expire (a recurring job, kept a day for the daily upload quota), and so do
 * unfinished resumable uploads; a deleted account's content goes with it.
 */
@Component
public class LibraryStorage implements StorageUsage, BlobReferences {

    private final Tracks tracks;
    private final Uploads uploads;
    private final ResumableUploads resumable;
    private final BlobCollector collector;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LibraryStorage(Tracks tracks, Uploads uploads, ResumableUploads resumable, BlobCollector collector,
            ApplicationEventPublisher events, Clock clock) {
        this.tracks = tracks;
        this.uploads = uploads;
        this.resumable = resumable;
        this.events = events;
        this.collector = collector;
        this.clock = clock;
    }

    @Override
    public long bytesUsedBy(UUID ownerId) {
        return tracks.bytesOf(ownerId) + uploads.liveBytes(ownerId, clock.instant());
    }

    @Override
    public boolean references(String sha256) {
        return tracks.references(sha256) || uploads.existsLiveReferencing(sha256, clock.instant());
    }

    /**
     * Deletes uploads that expired more than a day ago (the daily quota counts them until then), and
     * expired resumable uploads with their staged bytes.
     */
    @Job(name = "Delete expired uploads")
    public int deleteExpiredUploads() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));
        int deleted = resumable.deleteExpired();
        List<Upload> expired;
        while (!(expired = uploads.findByExpiresAtBefore(cutoff, Limit.of(500))).isEmpty()) {
            uploads.deleteAllInBatch(expired);
            blobsOf(expired.stream()).forEach(collector::collect);
            deleted += expired.size();
        }
        return deleted;
    }

    /** An upload's file and its cover. */
    private static Stream<String> blobsOf(Stream<Upload> sent) {
        return sent.flatMap(upload -> Stream.of(upload.sha256(), upload.coverSha256())).filter(Objects::nonNull)
                .distinct();
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        List<Track> owned = tracks.findByOwnerId(deleted.userId());
        List<Upload> sent = uploads.findByOwnerId(deleted.userId());
        tracks.deleteAll(owned);
        uploads.deleteAll(sent);
        owned.forEach(track -> events.publishEvent(new ContentChanged(track.id(), SearchKind.TRACK)));
        Stream.concat(owned.stream().flatMap(track -> Stream.of(track.sha256(), track.coverSha256()))
                .filter(Objects::nonNull), blobsOf(sent.stream())).distinct().forEach(collector::collect);
    }
}
