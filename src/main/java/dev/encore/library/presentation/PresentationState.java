package dev.encore.library.presentation;

import java.util.Locale;

/** Where a presentation's slides stand. */
public enum PresentationState {
    /** Being rendered by its job. */
    PROCESSING,
    /** Every slide rendered and stored. */
    READY,
    /** Rendering failed; the presentation says why. */
    FAILED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
