package dev.encore.live.premiere;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a premiere stands; only ever moves forward. */
enum PremiereState {
    /** Before {@code startsAt}: a countdown. */
    SCHEDULED,
    /** Playing to everyone from {@code startsAt}. */
    LIVE,
    /** Over: the video is an ordinary video again. */
    ENDED;

    @JsonValue
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
