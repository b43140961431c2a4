package dev.encore.library;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.library.content.ContentSources;
import dev.encore.library.content.LibraryProblems;
import dev.encore.library.content.StoredMedia;
import dev.encore.library.search.SearchKind;
import dev.encore.library.upload.Upload;
import dev.encore.library.upload.UploadKind;
import dev.encore.library.video.Video;
import dev.encore.library.video.VideoDetails;
import dev.encore.library.video.VideoFilter;
import dev.encore.library.video.VideoView;
import dev.encore.library.video.Videos;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.DeliverableFiles.DeliverableFile;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.StreamLinks;

/**
 * Videos: saved from a video upload or a finished video import, read according to visibility,
 * edited by their owner (featuring by admins), deleted with their blob when nothing else uses it.
 */
@Service
public class VideoLibrary {

    private final Videos videos;
    private final ContentSources sources;
    private final BlobCollector collector;
    private final ApplicationEventPublisher events;
    private final StreamLinks links;
    private final Clock clock;

    VideoLibrary(Videos videos, ContentSources sources, BlobCollector collector, ApplicationEventPublisher events,
            StreamLinks links, Clock clock) {
        this.videos = videos;
        this.sources = sources;
        this.collector = collector;
        this.events = events;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public VideoView create(Viewer viewer, VideoDetails details) {
        if (details.featured() != null && !viewer.admin()) {
            throw LibraryProblems.adminOnly("featured");
        }
        ContentSources.requireOne(details.fileId(), details.uploadId());
        String field = details.uploadId() != null ? "uploadId" : "fileId";
        StoredMedia media;
        if (details.uploadId() != null) {
            Upload upload = sources.useUpload(viewer, details.uploadId(), UploadKind.VIDEO, "must be a video upload");
            media = media(field, upload.sha256(), upload.mimeType(), upload.size(), upload.durationMs(),
                    upload.filename());
        }
        else {
            DeliverableFile file = sources.claimFile(viewer, details.fileId());
            if (!file.mimeType().startsWith("video/")) {
                throw InvalidFieldsException.of(field, "must be a video"); // rolls the claim back
            }
            media = media(field, file.sha256(), file.mimeType(), file.size(), file.durationMs(), file.filename());
        }
        Video video = new Video(viewer.userId(), media, clock.instant());
        String title = details.title() != null ? details.title() : ContentSources.titleOf(media.filename());
        video.describe(new VideoDetails(title, details.description(),
                details.category(), details.visibility(), details.tags(), details.featured(), null, null),
                clock.instant());
        return changed(viewer, videos.saveAndFlush(video));
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
        return VideoView.of(visible(viewer, id), viewer, links);
    }

    @Transactional(readOnly = true)
    public Page<VideoView> list(Viewer viewer, VideoFilter filter, Pageable pageable) {
        return videos.findAll(filter.forViewer(viewer), pageable).map(video -> VideoView.of(video, viewer, links));
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
        return changed(viewer, videos.saveAndFlush(video));
    }

    /** Deletes a video, then (after the commit) its blob when no other content uses the same bytes. */
    @Transactional
    public void delete(Viewer viewer, UUID id) {
        Video video = editable(viewer, id);
        videos.delete(video);
        events.publishEvent(new ContentChanged(video.id(), SearchKind.VIDEO));
        collector.collect(video.sha256());
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

    private VideoView changed(Viewer viewer, Video video) {
        events.publishEvent(new ContentChanged(video.id(), SearchKind.VIDEO));
        return VideoView.of(video, viewer, links);
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
