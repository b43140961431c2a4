package dev.encore.library.video;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.encore.library.Viewer;
import dev.encore.platform.spi.StreamLinks;

/**
 * A video as clients see it.
 *
 * @param id            video id
 * @param ownerId       whose it is
 * @param title         title
 * @param description   description, if any
 * @param category      category, if any
 * @param tags          tags, sorted
 * @param visibility    private, unlisted or public
 * @param featured      picked by an admin
 * @param durationMs    duration
 * @param mimeType      type of the stored original
 * @param size          bytes of the original
 * @param createdAt     when it was added
 * @param updatedAt     last change of its metadata
 * @param version       for If-Match on updates (also the ETag)
 * @param streamUrl     a signed URL that plays the original for the caller without a token (for
 *                      {@code <video src>}), with Range; it works while the video is processed too
 * @param streamUrlExpiresAt when the stream URL and the URLs below stop working: read the video again for new ones
 * @param width         picture width (rotation applied), once processed; null before
 * @param height        picture height (rotation applied), once processed; null before
 * @param frameRate     frames per second of the original, once processed; null before
 * @param videoCodec    the original's video codec ({@code h264}, {@code hevc}, ...), once processed; null before
 * @param audioCodec    the original's audio codec, null when it has no sound or before processing
 * @param renditions    the HLS ladder, largest first, the audio-only rendition last; empty until ready
 * @param processing    where processing stands
 * @param hlsUrl        signed master playlist URL ({@code streamUrl + "/hls/master.m3u8"}); null until ready
 * @param posterUrl     signed poster (WebP, up to 1280 wide); null until ready
 * @param thumbnailUrl  signed thumbnail (WebP, 320 wide); null until ready
 * @param storyboardUrl signed storyboard (WebVTT of sprite regions for seek previews); null until ready
 */
public record VideoView(UUID id, UUID ownerId, String title, String description, String category, List<String> tags,
        String visibility, boolean featured, long durationMs, String mimeType, long size, Instant createdAt,
        Instant updatedAt, long version, String streamUrl, Instant streamUrlExpiresAt, Integer width, Integer height,
        Double frameRate, String videoCodec, String audioCodec, List<RenditionView> renditions,
        ProcessingView processing, String hlsUrl, String posterUrl, String thumbnailUrl, String storyboardUrl) {

    /** The video as {@code viewer} sees it, with a stream URL of their own. */
    public static VideoView of(Video video, List<Rendition> renditions, Viewer viewer, StreamLinks links) {
        StreamLinks.StreamLink stream = links.issue(StreamLinks.Target.VIDEO, video.id(), viewer.userId(),
                video.durationMs());
        boolean ready = video.processingState() == ProcessingState.READY;
        String base = stream.url();
        return new VideoView(video.id(), video.ownerId(), video.title(), video.description(), video.category(),
                video.sortedTags(), video.visibility().value(), video.featured(),
                video.durationMs(), video.mimeType(), video.size(), video.createdAt(), video.updatedAt(),
                video.version(), base, stream.expiresAt(), video.width(), video.height(), video.frameRate(),
                video.videoCodec(), video.audioCodec(),
                ready ? renditions.stream().map(RenditionView::of).toList() : List.of(),
                ProcessingView.of(video), ready ? base + "/hls/master.m3u8" : null,
                ready ? base + "/poster.webp" : null, ready ? base + "/thumbnail.webp" : null,
                ready ? base + "/storyboard.vtt" : null);
    }

    /**
     * One rendition of the HLS ladder.
     *
     * @param name      {@code 1080p} ... {@code 240p} (by the picture's short side), or {@code audio}
     * @param width     pixels, 0 for audio
     * @param height    pixels, 0 for audio
     * @param bandwidth peak bits per second
     */
    public record RenditionView(String name, int width, int height, long bandwidth) {

        static RenditionView of(Rendition rendition) {
            return new RenditionView(rendition.name(), rendition.width(), rendition.height(), rendition.bandwidth());
        }
    }

    /**
     * Where processing stands.
     *
     * @param state         {@code processing}, {@code ready}, {@code failed} or {@code cancelled}
     * @param progress      percent done, 0..100
     * @param failureReason why it failed, in plain words; null unless failed
     */
    public record ProcessingView(String state, int progress, String failureReason) {

        static ProcessingView of(Video video) {
            return new ProcessingView(video.processingState().value(), video.progress(), video.failureReason());
        }
    }
}
