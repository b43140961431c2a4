package dev.encore.delivery.stream;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;

/**
 * A processed file asked for while the video has none: it is being processed, or processing
 * failed or was cancelled (409 {@code video-not-ready}); its original still plays.
 */
class VideoNotReadyException extends ErrorResponseException {

    VideoNotReadyException() {
        super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "video-not-ready", "Video not processed",
                "The video has no HLS renditions, poster or storyboard (yet): it is being processed, or processing "
                        + "failed or was cancelled (see the video's processing field). Its original plays meanwhile."),
                null);
    }
}
