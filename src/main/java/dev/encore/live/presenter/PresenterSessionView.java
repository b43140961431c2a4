package dev.encore.live.presenter;

import java.time.Instant;
import java.util.UUID;

/**
 * A presenter session as clients see it (the REST answer and the joiner's snapshot).
 *
 * @param id             session id (the STOMP topic is {@code /topic/live/presentation/<id>})
 * @param presentationId the presentation shown
 * @param presenterId    who presents (the presentation's owner)
 * @param slide          the current slide, 1-based
 * @param slideCount     how many slides there are
 * @param pointer        where the presenter points, or null when the pointer is hidden
 * @param viewerCount    users connected to the session now (the presenter included)
 * @param startedAt      when it started
 * @param endedAt        when it ended; null while it runs
 * @param serverTime     the server's clock when this was made
 */
record PresenterSessionView(UUID id, UUID presentationId, UUID presenterId, int slide, int slideCount,
        Pointer pointer, int viewerCount, Instant startedAt, Instant endedAt, Instant serverTime) {

    /**
     * A pointer position, as fractions of the slide's width and height from its top left corner.
     *
     * @param x 0..1 from the left
     * @param y 0..1 from the top
     */
    record Pointer(double x, double y) {

        static Pointer of(Double x, Double y) {
            return x == null || y == null ? null : new Pointer(x, y);
        }
    }

    static PresenterSessionView of(PresenterSession session, int viewerCount, Instant now) {
        return new PresenterSessionView(session.id(), session.presentationId(), session.presenterId(),
                session.slide(), session.slideCount(), Pointer.of(session.pointerX(), session.pointerY()),
                viewerCount, session.startedAt(), session.endedAt(), now);
    }
}
