package dev.encore.platform.spi;

import java.time.Instant;
import java.util.UUID;

/**
 * Signed, short-lived, user-bound stream URLs for media elements ({@code <audio>}, {@code <video>},
 * HLS players), which cannot send an {@code Authorization} header: the module that answers with
 * content ({@code library}) hands them out, the module that streams ({@code delivery}) signs them
 * and checks them. The URL carries no access token; when it is used, the account and the access to
 * the content are checked again, so a track made private or deleted, or an account disabled, stops
 * playing at once.
 */
public interface StreamLinks {

    /** What a stream URL plays. */
    enum Target {
        TRACK, VIDEO,
        /** A presentation's slide images ({@code <img>}), under the URL's {@code /slides/}. */
        PRESENTATION
    }

    /**
     * A stream URL.
     *
     * @param url       absolute, under {@code encore.public-url}; Range and conditional requests work
     * @param expiresAt when it stops working (410 {@code link-expired} after that)
     */
    record StreamLink(String url, Instant expiresAt) {
    }

    /**
     * A URL that plays {@code contentId} for {@code userId}. It lives {@code encore.stream.url-ttl}
     * beyond the content's duration, so a player that started it can seek to the end.
     *
     * @param durationMs the content's duration (0 when unknown)
     */
    StreamLink issue(Target target, UUID contentId, UUID userId, long durationMs);
}
