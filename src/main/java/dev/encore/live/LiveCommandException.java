package dev.encore.live;

/**
 * A refused STOMP command or subscription. Thrown from a {@code @MessageMapping} handler (or raised by
 * the core for a refused SUBSCRIBE), it reaches only the sending connection, as a message on
 * {@code /user/queue/errors}: {@code {"type", "title", "detail", "destination", "receipt"}}. The
 * connection stays open.
 */
public class LiveCommandException extends RuntimeException {

    private final String type;
    private final String title;

    /**
     * @param type   the problem type name, e.g. {@code live-not-host}, {@code live-bad-payload},
     *               {@code live-forbidden}, {@code live-rate-limited}, {@code live-muted}, {@code room-full}
     * @param title  a short, fixed summary of the type
     * @param detail what went wrong in this case; client-safe
     */
    public LiveCommandException(String type, String title, String detail) {
        super(detail);
        this.type = type;
        this.title = title;
    }

    /** The sender is not the session's host. */
    public static LiveCommandException notHost() {
        return new LiveCommandException("live-not-host", "Not the host", "Only the host may do this.");
    }

    /** The payload is missing, malformed or out of range. */
    public static LiveCommandException badPayload(String detail) {
        return new LiveCommandException("live-bad-payload", "Bad payload", detail);
    }

    /** Nothing answers the destination: an unknown session kind, or a session id that is not a UUID. */
    public static LiveCommandException unknownDestination() {
        return new LiveCommandException("live-unknown-destination", "Unknown destination",
                "Live destinations are /app/live/<room|premiere|presentation>/<uuid>/...");
    }

    /** What the command names (a message, a user) is not in the session. */
    public static LiveCommandException notFound(String detail) {
        return new LiveCommandException("live-not-found", "Not found", detail);
    }

    /** The sender may not take part in the session. */
    public static LiveCommandException forbidden(String detail) {
        return new LiveCommandException("live-forbidden", "Forbidden", detail);
    }

    /** The problem type name. */
    public String type() {
        return type;
    }

    /** The type's short summary. */
    public String title() {
        return title;
    }

    /** The client-safe detail. */
    public String detail() {
        return getMessage();
    }
}
