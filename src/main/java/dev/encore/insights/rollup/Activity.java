package dev.encore.insights.rollup;

import java.util.Locale;
import java.util.Optional;

/** What insights counts, each of one kind of item. */
public enum Activity {
    /** A track was played (from its first byte). */
    PLAY("track"),
    /** A video's viewing started. */
    WATCH("video"),
    /** A file was downloaded through its link. */
    DOWNLOAD("file"),
    /** An import was queued. */
    IMPORT("import");

    private final String kind;

    Activity(String kind) {
        this.kind = kind;
    }

    /** The kind of item counted, as the API names it ({@code track}, {@code video}, {@code file}, {@code import}). */
    public String kind() {
        return kind;
    }

    /** The activity counted for items of {@code kind}, if it is one. */
    public static Optional<Activity> ofKind(String kind) {
        for (Activity activity : values()) {
            if (activity.kind.equals(kind == null ? null : kind.toLowerCase(Locale.ROOT))) {
                return Optional.of(activity);
            }
        }
        return Optional.empty();
    }
}
