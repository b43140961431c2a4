package dev.encore.library;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.ErrorResponseException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.library.content.ContentEditing;
import dev.encore.library.content.ContentListing;
import dev.encore.library.content.StoredMedia;
import dev.encore.library.content.StreamableOriginals;
import dev.encore.library.content.StreamableOriginals.Table;
import dev.encore.library.search.SearchKind;
import dev.encore.library.upload.ContentSources;
import dev.encore.library.upload.Upload;
import dev.encore.library.upload.UploadKind;
import dev.encore.library.video.ProcessingState;
import dev.encore.library.video.Rendition;
import dev.encore.library.video.Video;
import dev.encore.library.video.VideoDetails;
import dev.encore.library.video.VideoFile;
import dev.encore.library.video.VideoFiles;
import dev.encore.library.video.VideoFilter;
import dev.encore.library.video.VideoProcessingRequested;
import dev.encore.library.video.VideoRenditions;
import dev.encore.library.video.VideoView;
import dev.encore.library.video.Videos;
import dev.encore.library.video.processing.RunningVideos;
import dev.encore.library.video.processing.VideoNotifier;
import dev.encore.library.content.LibraryProblems;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.Problems;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.platform.spi.StreamLinks;

/**
 * Videos: saved from a video upload or a finished video import and then processed (HLS ladder,
 * poster, thumbnail, storyboard) by a job, read according to visibility, edited by their owner
 * (featuring by admins), deleted with their blobs (original and outputs) when nothing else uses them.
 */
@Service
public class VideoLibrary {

    /** The listing's sort properties and their columns. */
    private static final Map<String, String> SORT_COLUMNS = Map.of("title", "c.title", "createdAt", "c.created_at",
            "durationMs", "c.duration_ms");

    private final Videos videos;
    private final StreamableOriginals originals;
    private final ContentListing listing;
    private final ContentEditing<Video> editing;
    private final ContentSources sources;
    private final Processing processing;
    private final Clock clock;

    VideoLibrary(Videos videos, StreamableOriginals originals, ContentListing listing, ContentSources sources,
            BlobCollector collector, Processing processing, Clock clock) {
        this.videos = videos;
        this.originals = originals;
        this.listing = listing;
        // a video keeps its processed outputs alive too; their rows go with it (foreign keys)
        this.editing = new ContentEditing<>(videos, SearchKind.VIDEO, processing.events, collector,
                video -> Stream.concat(video.blobs(), processing.files.blobsOf(video.id()).stream()));
        this.sources = sources;
        this.processing = processing;
        this.clock = clock;
    }

    /** What the library needs to start, stop and show processing, and to link to it. */
    @Component
    static class Processing {

        private final ApplicationEventPublisher events;
        private final VideoFiles files;
        private final VideoRenditions renditions;
        private final RunningVideos running;
        private final VideoNotifier notifier;
        private final StreamLinks links;

        Processing(ApplicationEventPublisher events, VideoFiles files, VideoRenditions renditions,
                RunningVideos running, VideoNotifier notifier, StreamLinks links) {
            this.events = events;
            this.files = files;
            this.renditions = renditions;
            this.running = running;
            this.notifier = notifier;
            this.links = links;
        }
    }

    @Transactional
    public VideoView create(Viewer viewer, VideoDetails details) {
        ContentEditing.checkFeatured(viewer, details.featured());
        ContentSources.requireOne(details.fileId(), details.uploadId());
        String field = details.uploadId() != null ? "uploadId" : "fileId";
        StoredMedia media;
        if (details.uploadId() != null) {
            Upload upload = sources.useUpload(viewer, details.uploadId(), UploadKind.VIDEO, "must be a video upload");
            // the upload's own ffprobe said whether there is a moving picture (null: an upload older
            // than that check; the processing job checks it then, and fails the video if not)
            if (Boolean.FALSE.equals(upload.hasVideo())) {
                throw InvalidFieldsException.of(field, "must be a video with a moving picture, not sound only");
            }
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
        Video saved = editing.saved(video);
        processing.events.publishEvent(new VideoProcessingRequested(saved.id(), saved.processingRun()));
        return view(viewer, saved);
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

    /**
     * A video the viewer may see, in brief, with signed URLs of their own; empty when it does not exist
     * or is not visible to the viewer (nothing is thrown, so a caller's transaction stays usable).
     */
    @Transactional(readOnly = true)
    public Optional<VideoSummary> summary(Viewer viewer, UUID id) {
        return videos.findById(id).filter(viewer::maySee).map(video -> summaryOf(view(viewer, video)));
    }

    /**
     * The videos of {@code ids} the viewer may list (their own, public ones; admins all), in brief, by id;
     * missing and hidden ones are left out.
     */
    @Transactional(readOnly = true)
    public Map<UUID, VideoSummary> listable(Viewer viewer, Collection<UUID> ids) {
        Map<UUID, VideoSummary> found = new HashMap<>();
        List<Video> listed = videos.findAllById(ids).stream().filter(viewer::mayList).toList();
        views(viewer, listed).forEach(view -> found.put(view.id(), summaryOf(view)));
        return found;
    }

    private static VideoSummary summaryOf(VideoView view) {
        return new VideoSummary(view.id(), view.ownerId(), view.title(), Visibility.of(view.visibility()),
                view.durationMs(), view.hlsUrl() != null, view.hlsUrl(), view.posterUrl(), view.streamUrlExpiresAt());
    }

    @Transactional(readOnly = true)
    public Page<VideoView> list(Viewer viewer, VideoFilter filter, Pageable pageable) {
        Page<Video> page = listing.page(videos, "videos", filter.where(viewer), pageable, SORT_COLUMNS);
        return new PageImpl<>(views(viewer, page.getContent()), pageable, page.getTotalElements());
    }

    @Transactional
    public VideoView update(Viewer viewer, UUID id, VideoDetails details, Long expectedVersion) {
        ContentEditing.checkFeatured(viewer, details.featured());
        return view(viewer, editing.update(viewer, id, details.fileId(), details.uploadId(), expectedVersion,
                video -> video.describe(details, clock.instant())));
    }

    /**
     * Deletes a video, then (after the commit) its blobs, original and processed outputs, when no
     * other content uses the same bytes. Processing under way stops and stores nothing.
     */
    @Transactional
    public void delete(Viewer viewer, UUID id) {
        editing.delete(viewer, id);
        processing.running.cancel(id);
    }

    /**
     * Cancels processing (owner or admin): the job stops and keeps nothing; the original still plays.
     *
     * @throws ErrorResponseException 404 not visible, 403 not theirs, 409 {@code conflict} when not processing
     */
    @Transactional
    public VideoView cancelProcessing(Viewer viewer, UUID id) {
        editing.editable(viewer, id);
        if (videos.cancel(id) == 0) {
            throw LibraryProblems.conflict("The video is not being processed.");
        }
        processing.running.cancel(id);
        processing.notifier.changed(id);
        return get(viewer, id);
    }

    /**
     * Processes a failed or cancelled video again, from the start (owner or admin).
     *
     * @throws ErrorResponseException 404 not visible, 403 not theirs, 409 {@code conflict} unless failed or cancelled
     */
    @Transactional
    public VideoView reprocess(Viewer viewer, UUID id) {
        editing.editable(viewer, id);
        if (videos.rerun(id) == 0) {
            throw LibraryProblems.conflict("Only a failed or cancelled video can be processed again.");
        }
        Video video = editing.visible(viewer, id);
        processing.events.publishEvent(new VideoProcessingRequested(id, video.processingRun()));
        processing.notifier.changed(id);
        return view(viewer, video);
    }

    /**
     * A processed output of a video the viewer may watch, by its name in the video's outputs
     * ({@code master.m3u8}, {@code 720p/index.m3u8}, {@code 720p/seg-00001.m4s}, {@code poster.webp},
     * {@code storyboard/sprite-000.jpg}, ...): names are looked up, never used as paths. The file's
     * id is the video's, its owner the video's owner, its name the name's last segment.
     *
     * @throws ErrorResponseException 404 {@code not-found} when the video is not visible to the viewer,
     *                                not ready, or has no output of that name
     */
    @Transactional(readOnly = true)
    public DeliverableFile processedFile(Viewer viewer, UUID videoId, String name) {
        Video video = editing.visible(viewer, videoId);
        if (video.processingState() != ProcessingState.READY || name == null) {
            throw LibraryProblems.notFound("processed file");
        }
        VideoFile file = processing.files.find(videoId, name)
                .orElseThrow(() -> LibraryProblems.notFound("processed file"));
        return new DeliverableFile(video.id(), video.ownerId(), name.substring(name.lastIndexOf('/') + 1),
                file.mimeType(), file.size(), file.sha256(), null, video.createdAt(), null);
    }

    /**
     * The original of a video the viewer may watch, for streaming: one plain statement, as it runs
     * for every range request a player makes.
     */
    public DeliverableFile original(Viewer viewer, UUID id) {
        return originals.find(Table.VIDEOS, id).filter(found -> viewer.maySee(found.ownerId(), found.visibility()))
                .orElseThrow(() -> LibraryProblems.notFound("video")).deliverable();
    }

    /** A video's title, for what is counted of it; empty once it is gone. */
    public Optional<String> title(UUID id) {
        return originals.find(Table.VIDEOS, id).map(StreamableOriginals.Original::title);
    }

    /** A deleted account's videos go with it. */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        List<UUID> ids = videos.findByOwnerId(deleted.userId()).stream().map(Video::id).toList();
        editing.deleteAllOf(deleted.userId());
        ids.forEach(processing.running::cancel);
    }

    private VideoView view(Viewer viewer, Video video) {
        List<Rendition> ladder = video.processingState() == ProcessingState.READY
                ? processing.renditions.of(video.id()) : List.of();
        return VideoView.of(video, ladder, viewer, processing.links);
    }

    /** The views of several videos, their renditions read with one query. */
    private List<VideoView> views(Viewer viewer, List<Video> list) {
        Map<UUID, List<Rendition>> ladders = processing.renditions.of(list.stream()
                .filter(video -> video.processingState() == ProcessingState.READY).map(Video::id).toList());
        return list.stream().map(video -> VideoView.of(video, ladders.getOrDefault(video.id(), List.of()), viewer,
                processing.links)).toList();
    }
}
