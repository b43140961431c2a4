package dev.encore.library;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.account.UserDeleted;
import dev.encore.library.search.SearchKind;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.DeliverableFiles.DeliverableFile;
import dev.encore.platform.FileClaims;
import dev.encore.platform.InvalidFieldsException;

/**
 * Videos: saved from a video upload or a finished video import, read according to visibility,
 * edited by their owner (featuring by admins), deleted with their blob when nothing else uses it.
 */
@Service
public class VideoLibrary {

    private final Videos videos;
    private final Uploads uploads;
    private final List<FileClaims> claims;
    private final BlobCollector collector;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VideoLibrary(Videos videos, Uploads uploads, List<FileClaims> claims, BlobCollector collector,
            ApplicationEventPublisher events, PlatformTransactionManager manager, Clock clock) {
        this.transactions = new TransactionTemplate(manager);
        this.videos = videos;
        this.uploads = uploads;
        this.claims = claims;
        this.collector = collector;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public VideoView create(Viewer viewer, VideoDetails details) {
        if (details.featured() != null && !viewer.admin()) {
            throw LibraryProblems.adminOnly("featured");
        }
        if ((details.fileId() == null) == (details.uploadId() == null)) {
            throw InvalidFieldsException.of("fileId", "name either a finished import file or an upload (uploadId)");
        }
        String field = details.uploadId() != null ? "uploadId" : "fileId";
        StoredMedia media;
        if (details.uploadId() != null) {
            Upload upload = uploads.findLive(details.uploadId(), viewer.userId(), clock.instant())
                    .orElseThrow(() -> LibraryProblems.notFound("upload"));
            if (upload.kind() != UploadKind.VIDEO) {
                throw InvalidFieldsException.of(field, "must be a video upload");
            }
            upload.use(clock.instant());
            media = media(field, upload.sha256(), upload.mimeType(), upload.size(), upload.durationMs(),
                    upload.filename());
        }
        else {
            UUID fileId = details.fileId();
            DeliverableFile file = claims.stream().map(claim -> claim.claim(fileId, viewer.userId()))
                    .flatMap(Optional::stream).findFirst().orElseThrow(() -> LibraryProblems.notFound("file"));
            if (!file.mimeType().startsWith("video/")) {
                throw InvalidFieldsException.of(field, "must be a video"); // rolls the claim back
            }
            media = media(field, file.sha256(), file.mimeType(), file.size(), file.durationMs(), file.filename());
        }
        Video video = new Video(viewer.userId(), media, clock.instant());
        String title = details.title() != null ? details.title() : media.filename().replaceFirst("\\.[^.]*$", "");
        video.describe(new VideoDetails(title.length() > 255 ? title.substring(0, 255) : title, details.description(),
                details.category(), details.visibility(), details.tags(), details.featured(), null, null),
                clock.instant());
        return changed(videos.saveAndFlush(video));
    }

    private static StoredMedia media(String field, String sha256, String mimeType, long size, Long durationMs,
            String filename) {
        if (durationMs == null || durationMs < 1000) {
            throw InvalidFieldsException.of(field, "must be a video at least 1 second long");
        }
        return new StoredMedia(sha256, mimeType, size, durationMs, filename);
    }

    @Transactional(readOnly = true)
    public VideoView get(Viewer viewer, UUID id) {
        return VideoView.of(visible(viewer, id));
    }

    @Transactional(readOnly = true)
    public Page<VideoView> list(Viewer viewer, VideoFilter filter, Pageable pageable) {
        return videos.findAll(filter.forViewer(viewer), pageable).map(VideoView::of);
    }

    @Transactional
    public VideoView update(Viewer viewer, UUID id, VideoDetails details, Long expectedVersion) {
        if (details.featured() != null && !viewer.admin()) {
            throw LibraryProblems.adminOnly("featured");
        }
        if (details.fileId() != null || details.uploadId() != null) {
            throw InvalidFieldsException.of(details.fileId() != null ? "fileId" : "uploadId", "cannot be changed");
        }
        Video video = editable(viewer, id);
        if (expectedVersion != null && expectedVersion != video.version()) {
            throw LibraryProblems.stale();
        }
        video.describe(details, clock.instant());
        return changed(videos.saveAndFlush(video));
    }

    /** Deletes a video, then its blob when no other content uses the same bytes. */
    public void delete(Viewer viewer, UUID id) {
        String sha256 = transactions.execute(status -> {
            Video video = editable(viewer, id);
            videos.delete(video);
            events.publishEvent(new ContentChanged(video.id(), SearchKind.VIDEO));
            return video.sha256();
        });
        collector.collect(sha256); // after the commit: the blob is checked against committed references
    }

    /** The original of a video the viewer may watch, for streaming. */
    @Transactional(readOnly = true)
    public DeliverableFile original(Viewer viewer, UUID id) {
        Video video = visible(viewer, id);
        return new DeliverableFile(video.id(), video.ownerId(), video.filename(), video.mimeType(), video.size(),
                video.sha256(), video.durationMs(), video.createdAt(), null);
    }

    /** A deleted account's videos go with it. */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        List<Video> owned = videos.findByOwnerId(deleted.userId());
        videos.deleteAll(owned);
        owned.forEach(video -> events.publishEvent(new ContentChanged(video.id(), SearchKind.VIDEO)));
        owned.stream().map(Video::sha256).distinct().forEach(collector::collect);
    }

    private VideoView changed(Video video) {
        events.publishEvent(new ContentChanged(video.id(), SearchKind.VIDEO));
        return VideoView.of(video);
    }

    private Video editable(Viewer viewer, UUID id) {
        Video video = visible(viewer, id);
        if (!viewer.owns(video) && !viewer.admin()) {
            throw LibraryProblems.notYours();
        }
        return video;
    }

    private Video visible(Viewer viewer, UUID id) {
        return videos.findById(id).filter(viewer::maySee).orElseThrow(() -> LibraryProblems.notFound("video"));
    }
}
