package dev.encore.library.presentation;

import java.util.Locale;
import java.util.Optional;

/** The two images of a slide. */
public enum SlideSize {
    /** {@code encore.presentation.thumb-width} wide. */
    THUMB,
    /** {@code encore.presentation.full-width} wide. */
    FULL;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code thumb} or {@code full}, in any case. */
    public static Optional<SlideSize> of(String value) {
        for (SlideSize size : values()) {
            if (size.value().equalsIgnoreCase(value)) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }
}
