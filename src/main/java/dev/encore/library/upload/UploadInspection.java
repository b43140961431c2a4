package dev.encore.library.upload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.encore.library.media.ContentTypes;
import dev.encore.library.media.CoverArt;
import dev.encore.library.media.MediaInfo;
import dev.encore.media.MediaProbe;
import dev.encore.media.NotAVideoException;
import dev.encore.media.VideoProcessor;
import dev.encore.platform.Problems;

/**
 * What an arrived file is, before anything is stored: its type decided by magic bytes alone (415
 * otherwise), the malware scan, and for audio and video what ffprobe finds (an audio file's
 * embedded cover copied out). A video file is also checked for a moving picture here, where the
 * file is on this node's disk already: a video container holding only sound (or only a still) is
 * refused when someone tries to save it as a video.
 */
@Component
class UploadInspection {

    private final MalwareScan scan;
    private final MediaProbe probe;
    private final CoverArt covers;
    private final VideoProcessor videos;

    UploadInspection(MalwareScan scan, MediaProbe probe, CoverArt covers, VideoProcessor videos) {
        this.scan = scan;
        this.probe = probe;
        this.covers = covers;
        this.videos = videos;
    }

    /**
     * What was found.
     *
     * @param kind        audio, video, image or PDF
     * @param mimeType    the detected type
     * @param info        probed tags and duration ({@link MediaInfo#NONE} for other kinds)
     * @param coverSha256 the stored embedded cover, or null
     * @param hasVideo    for a video: whether it has a moving picture; null for other kinds
     */
    record Inspected(UploadKind kind, String mimeType, MediaInfo info, String coverSha256, Boolean hasVideo) {
    }

    /** Inspects {@code file} of {@code ownerId}, sent as {@code filename}. */
    Inspected inspect(UUID ownerId, Path file, String filename) throws IOException, InterruptedException {
        String detected = ContentTypes.detect(file);
        UploadKind kind = UploadKind.of(detected).orElseThrow(UploadInspection::unsupported);
        scan.check(file, ownerId, filename);
        MediaInfo info = MediaInfo.NONE;
        String cover = null;
        Boolean hasVideo = null;
        if (kind == UploadKind.AUDIO || kind == UploadKind.VIDEO) {
            MediaProbe.Probe found = probe.probe(file);
            // ffprobe could not read the file at all (an MP4 cut before its index, say); a stream in a
            // codec nothing decodes is still stored, and its renditions answer transcode-failed
            if (found == MediaProbe.Probe.NOTHING) {
                throw unreadable();
            }
            info = MediaInfo.of(found);
            if (kind == UploadKind.AUDIO && found.hasCover()) {
                cover = covers.extract(file).orElse(null);
            }
        }
        if (kind == UploadKind.VIDEO) {
            hasVideo = hasMovingPicture(file);
        }
        return new Inspected(kind, detected, info, cover, hasVideo);
    }

    private boolean hasMovingPicture(Path file) throws InterruptedException {
        try {
            videos.inspect(file);
            return true;
        }
        catch (NotAVideoException soundOnly) {
            return false;
        }
    }

    private static ErrorResponseException unreadable() {
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT, "media-unreadable", "Media unreadable", "No sound or picture can "
                        + "be read from the file: it is cut short or damaged. Upload the complete file."), null);
    }

    private static ErrorResponseException unsupported() {
        return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported file type", "Accepted are "
                        + "audio (mp3, flac, ogg/opus, m4a/aac, wav), video (mp4, webm, mkv, mov), images (jpeg, png, "
                        + "webp) and PDF, recognised by their content."), null);
    }
}
