package dev.encore.library.video;

import java.util.Locale;

/** Where a video's processing stands: {@code processing} until it is {@code ready}, {@code failed} or {@code cancelled}. */
public enum ProcessingState {
    PROCESSING, READY, FAILED, CANCELLED;

    /** The lower-case name clients see. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether processing has stopped (a re-run may start it again from failed or cancelled). */
    public boolean finished() {
        return this != PROCESSING;
    }
}
