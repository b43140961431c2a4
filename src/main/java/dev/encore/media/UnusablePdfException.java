package dev.encore.media;

/**
 * A PDF that Encore will not render, found out before anything was rendered or stored. The
 * message is for clients (plain words, never a parser's message or a path).
 */
public class UnusablePdfException extends RuntimeException {

    /** Why it is refused. */
    public enum Reason {
        /** Protected by a password, or encrypted at all (Encore never decrypts). */
        ENCRYPTED,
        /** Not a readable PDF: damaged, cut short, or without pages. */
        MALFORMED,
        /** More pages than {@code encore.presentation.max-pages}. */
        TOO_MANY_PAGES,
        /** A page (or an image in it) that would need a huge image to render. */
        PAGE_TOO_LARGE
    }

    private final Reason reason;

    public UnusablePdfException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
