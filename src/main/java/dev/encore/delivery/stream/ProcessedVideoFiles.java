package dev.encore.delivery.stream;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.encore.delivery.file.FileStreamer;
import dev.encore.library.VideoLibrary;
import dev.encore.library.Viewer;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;

/**
 * Serves one processed file of a video (playlist, segment, poster, storyboard) as the library
 * stored it, to a viewer who may watch the video: streamed with Range and conditional requests,
 * typed and cached by its name.
 */
@Component
class ProcessedVideoFiles {

    private final VideoLibrary library;
    private final FileStreamer streamer;

    ProcessedVideoFiles(VideoLibrary library, FileStreamer streamer) {
        this.library = library;
        this.streamer = streamer;
    }

    /**
     * @param signed whether the request came through a signed stream URL (media is then cached as
     *               immutable) rather than with a token
     */
    FileStreamer.Sent serve(Viewer viewer, UUID videoId, VideoFileName name, boolean signed,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        DeliverableFile file = file(viewer, videoId, name);
        return streamer.serve(new FileStreamer.Servable(file.sha256(), file.size(), "\"" + file.sha256() + "\"",
                file.createdAt().toEpochMilli(), name.mimeType(), name.filename()), false,
                name.cacheControl(signed), request, response);
    }

    /**
     * The processed file itself, for callers that rewrite it.
     *
     * @throws VideoNotReadyException when the video has no processed files (409)
     * @throws org.springframework.web.ErrorResponseException 404 {@code not-found} when the viewer may
     *         not watch the video, or a processed video has no file of this name
     */
    DeliverableFile file(Viewer viewer, UUID videoId, VideoFileName name) {
        try {
            return library.processedFile(viewer, videoId, name.name());
        }
        catch (ErrorResponseException missing) {
            if (missing.getStatusCode().value() != HttpStatus.NOT_FOUND.value()) {
                throw missing;
            }
            library.original(viewer, videoId); // 404 as before when the video is not there for this viewer
            if (name.equals(VideoFileName.master()) || !processed(viewer, videoId)) {
                throw new VideoNotReadyException(); // every processed video has a master
            }
            throw missing;
        }
    }

    private boolean processed(Viewer viewer, UUID videoId) {
        try {
            library.processedFile(viewer, videoId, VideoFileName.master().name());
            return true;
        }
        catch (ErrorResponseException missing) {
            return false;
        }
    }
}
