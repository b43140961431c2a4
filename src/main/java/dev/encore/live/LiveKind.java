package dev.encore.live;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** The kinds of live session; each has one {@link LiveSessions} bean and its own STOMP topics. */
public enum LiveKind {

    /** A listening room ({@code live.room}). */
    ROOM("room"),
    /** A video premiere ({@code live.premiere}). */
    PREMIERE("premiere"),
    /** A presenter session over a presentation ({@code live.presenter}). */
    PRESENTATION("presentation");

    private final String slug;

    LiveKind(String slug) {
        this.slug = slug;
    }

    /** The name used in destinations and JSON, e.g. {@code room}. */
    public String slug() {
        return slug;
    }

    /** The topic of one session below {@code /topic/}: {@code live/<kind>/<id>}. */
    public String topic(UUID id) {
        return "live/" + slug + "/" + id;
    }

    /** The kind named {@code slug} ({@code room}, {@code premiere}, {@code presentation}), if any. */
    public static Optional<LiveKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }
}
