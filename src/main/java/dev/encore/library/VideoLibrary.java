package dev.encore.library;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.library.content.ContentEditing;
import dev.encore.library.content.StoredMedia;
import dev.encore.library.search.SearchKind;
import dev.encore.library.upload.ContentSources;
import dev.encore.library.upload.Upload;
import dev.encore.library.upload.UploadKind;
import dev.encore.library.video.Video;
import dev.encore.library.video.VideoDetails;
import dev.encore.library.video.VideoFilter;
import dev.encore.library.video.VideoView;
import dev.encore.library.video.Videos;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.platform.spi.StreamLinks;

/**
 * Videos: saved from a video upload or a finished video import, read according to visibility,
 * edited by their owner (featuring by admins), deleted with their blob when nothing else uses it.
 */
@Service
public class VideoLibrary {

    private final Videos videos;
    private final ContentEditing<Video> editing;
    private final ContentSources sources;
    private final StreamLinks links;
    private final Clock clock;

    VideoLibrary(Videos videos, ContentSources sources, BlobCollector collector, ApplicationEventPublisher events,
            StreamLinks links, Clock clock) {
        this.videos = videos;
        this.editing = new ContentEditing<>(videos, SearchKind.VIDEO, events, collector);
        this.sources = sources;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public VideoView create(Viewer viewer, VideoDetails details) {
        ContentEditing.checkFeatured(viewer, details.featured());
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
        return view(viewer, editing.saved(video));
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
        return view(viewer, editing.visible(viewer, id));
    }

    @Transactional(readOnly = true)
    public Page<VideoView> list(Viewer viewer, VideoFilter filter, Pageable pageable) {
        return videos.findAll(filter.forViewer(viewer), pageable).map(video -> VideoView.of(video, viewer, links));
    }

    @Transactional
    public VideoView update(Viewer viewer, UUID id, VideoDetails details, Long expectedVersion) {
        ContentEditing.checkFeatured(viewer, details.featured());
        return view(viewer, editing.update(viewer, id, details.fileId(), details.uploadId(), expectedVersion,
                video -> video.describe(details, clock.instant())));
    }

    /** Deletes a video, then (after the commit) its blob when no other content uses the same bytes. */
    @Transactional
    public void delete(Viewer viewer, UUID id) {
        editing.delete(viewer, id);
    }

    /** The original of a video the viewer may watch, for streaming. */
    @Transactional(readOnly = true)
    public DeliverableFile original(Viewer viewer, UUID id) {
        Video video = editing.visible(viewer, id);
        return new DeliverableFile(video.id(), video.ownerId(), video.filename(), video.mimeType(), video.size(),
                video.sha256(), video.durationMs(), video.createdAt(), null);
    }

    /**
     * A processed output of a video the viewer may watch (HLS playlist or segment, poster,
     * thumbnail, storyboard), by its name among the video's files (never a path).
     *
     * @param name e.g. {@code master.m3u8}, {@code 720p/seg-00001.m4s}, {@code poster.webp}
     * @throws org.springframework.web.ErrorResponseException 404 {@code not-found} when the video is
     *         not visible, not processed yet, or has no such file
     */
    @Transactional(readOnly = true)
    public DeliverableFile processedFile(Viewer viewer, UUID videoId, String name) {
        editing.visible(viewer, videoId);
        throw dev.encore.library.content.LibraryProblems.notFound("file"); // processing lands with v-library
    }

    /** A deleted account's videos go with it. */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        editing.deleteAllOf(deleted.userId());
    }

    private VideoView view(Viewer viewer, Video video) {
        return VideoView.of(video, viewer, links);
    }
}
