package dev.encore.library.search;

import java.util.Locale;
import java.util.Optional;

/** The kinds of content search finds. */
public enum SearchKind {
    TRACK, VIDEO, PLAYLIST, PRESENTATION;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchKind> of(String value) {
        for (SearchKind kind : values()) {
            if (kind.value().equalsIgnoreCase(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
