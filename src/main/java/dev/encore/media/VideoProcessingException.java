package dev.encore.media;

/**
 * Video processing failed. The message is the reason in plain words, fit to show to the owner;
 * the tool's own output is only logged.
 */
public class VideoProcessingException extends RuntimeException {

    private final boolean transientFailure;

    /**
     * @param transientFailure whether trying again later may succeed (a tool that could not start,
     *                         a full disk), rather than a file that will never process
     * @param reason           what went wrong, in plain words
     */
    public VideoProcessingException(boolean transientFailure, String reason) {
        super(reason);
        this.transientFailure = transientFailure;
    }

    /** Whether trying again later may succeed. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The reason in plain words. */
    public String reason() {
        return getMessage();
    }
}
