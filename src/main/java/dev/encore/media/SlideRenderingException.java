package dev.encore.media;

/**
 * Rendering a presentation's slides failed. The message is for the owner (plain words, never a
 * tool's output).
 */
public class SlideRenderingException extends RuntimeException {

    private final boolean transientFailure;

    /**
     * @param transientFailure whether trying again later may succeed (a tool or the disk failed),
     *                         not the PDF itself
     * @param reason           what happened, in plain words
     */
    public SlideRenderingException(boolean transientFailure, String reason, Throwable cause) {
        super(reason, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
