package dev.encore.library;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may see a piece of content. */
public enum Visibility {
    /** The owner (and admins). */
    PRIVATE,
    /** Anyone who has its id or link; never listed to others. */
    UNLISTED,
    /** Everyone signed in; listed. */
    PUBLIC;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code private}, {@code unlisted} or {@code public}, in any case. */
    @JsonCreator
    public static Visibility of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
