package dev.encore.library;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.account.UserDeleted;
import dev.encore.library.search.SearchKind;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.BlobReferences;
import dev.encore.platform.StorageUsage;

/**
 * Library content in the quota (tracks and unused uploads) and in blob references; unused uploads
 * expire (a recurring job, kept a day for the daily upload quota); a deleted account's content goes
 * with it.
 */
@Component
public class LibraryStorage implements StorageUsage, BlobReferences {

    static final String EXPIRY_JOB = "library-upload-expiry";

    private final Tracks tracks;
    private final Uploads uploads;
    private final Playlists playlists;
    private final Plays plays;
    private final BlobCollector collector;
    private final JobScheduler jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LibraryStorage(Tracks tracks, Uploads uploads, Playlists playlists, Plays plays, BlobCollector collector,
            JobScheduler jobs, ApplicationEventPublisher events, Clock clock) {
        this.plays = plays;
        this.tracks = tracks;
        this.uploads = uploads;
        this.playlists = playlists;
        this.events = events;
        this.collector = collector;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public long bytesUsedBy(UUID ownerId) {
        return tracks.bytesOf(ownerId) + uploads.liveBytes(ownerId, clock.instant());
    }

    @Override
    public boolean references(String sha256) {
        return tracks.existsBySha256(sha256) || uploads.existsLiveBySha256(sha256, clock.instant());
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.<LibraryStorage>scheduleRecurrently(EXPIRY_JOB, Cron.every5minutes(), LibraryStorage::deleteExpiredUploads);
    }

    /** Deletes uploads that expired more than a day ago (the daily quota counts them until then). */
    @Job(name = "Delete expired uploads")
    public int deleteExpiredUploads() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));
        int deleted = 0;
        List<Upload> expired;
        while (!(expired = uploads.findByExpiresAtBefore(cutoff, Limit.of(500))).isEmpty()) {
            uploads.deleteAllInBatch(expired);
            expired.stream().map(Upload::sha256).distinct().forEach(collector::collect);
            deleted += expired.size();
        }
        return deleted;
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        List<Track> owned = tracks.findByOwnerId(deleted.userId());
        List<Upload> sent = uploads.findByOwnerId(deleted.userId());
        List<Playlist> lists = playlists.findByOwnerId(deleted.userId());
        playlists.deleteAll(lists);
        plays.deleteByUser(deleted.userId());
        tracks.deleteAll(owned);
        uploads.deleteAll(sent);
        owned.forEach(track -> events.publishEvent(new ContentChanged(track.id(), SearchKind.TRACK)));
        lists.forEach(playlist -> events.publishEvent(new ContentChanged(playlist.id(), SearchKind.PLAYLIST)));
        java.util.stream.Stream.concat(owned.stream().map(Track::sha256), sent.stream().map(Upload::sha256)).distinct()
                .forEach(collector::collect);
    }
}
