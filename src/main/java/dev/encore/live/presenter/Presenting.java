package dev.encore.live.presenter;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.encore.account.UserDeleted;
import dev.encore.library.PresentationLibrary;
import dev.encore.library.PresentationSummary;
import dev.encore.library.Viewer;
import dev.encore.live.LiveCommandException;
import dev.encore.live.LiveKind;
import dev.encore.live.LivePresence;
import dev.encore.platform.Problems;

/**
 * Presenter sessions: started and ended by the presentation's owner (ended by an admin too), seen by
 * whoever may see the presentation; the presenter alone moves the slide and the pointer.
 */
@Service
class Presenting {

    private final PresenterSessions sessions;
    private final PresentationLibrary presentations;
    private final LivePresence presence;
    private final PresenterLifecycle lifecycle;
    private final Clock clock;

    Presenting(PresenterSessions sessions, PresentationLibrary presentations, LivePresence presence,
            PresenterLifecycle lifecycle, Clock clock) {
        this.sessions = sessions;
        this.presentations = presentations;
        this.presence = presence;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /**
     * A started session, and whether this call started it.
     *
     * @param session the running session
     * @param created false when one was running already (it is returned as it is)
     */
    record Started(PresenterSessionView session, boolean created) {
    }

    /**
     * Starts a session on slide 1, or returns the one running.
     *
     * @throws ErrorResponseException 404 presentation not visible, 403 not the owner, 409 {@code conflict} when
     *                                its slides are not rendered
     */
    @Transactional
    public Started start(Viewer viewer, UUID presentationId) {
        PresentationSummary presentation = visible(viewer, presentationId);
        if (!presentation.ownerId().equals(viewer.userId())) {
            throw problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Only the presentation's owner may present it.");
        }
        if (!presentation.ready()) {
            throw problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                    "The presentation's slides are not rendered yet; wait until it is ready.");
        }
        var running = sessions.findByPresentationIdAndEndedAtIsNull(presentationId);
        if (running.isPresent()) {
            return new Started(view(running.get()), false);
        }
        PresenterSession session = sessions.save(new PresenterSession(presentationId, viewer.userId(),
                presentation.slideCount(), clock.instant()));
        lifecycle.away(session.id(), session.startedAt());
        return new Started(view(session), true);
    }

    /** The running session of a presentation the viewer may see (404 when it is hidden or none runs). */
    @Transactional(readOnly = true)
    public PresenterSessionView get(Viewer viewer, UUID presentationId) {
        return view(running(viewer, presentationId));
    }

    /** Ends the running session (owner or admin; 404 when none runs). */
    @Transactional
    public void end(Viewer viewer, UUID presentationId) {
        PresenterSession session = running(viewer, presentationId);
        if (!session.presenterId().equals(viewer.userId()) && !viewer.admin()) {
            throw problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Only the presenter may end the session.");
        }
        lifecycle.end(session.id(), "ended");
    }

    /**
     * Shows slide {@code slide} (presenter only, 1..slideCount).
     *
     * @throws LiveCommandException {@code live-not-host}, {@code live-bad-payload}, {@code live-forbidden} (ended)
     */
    @Transactional
    public void showSlide(UUID userId, UUID sessionId, Integer slide) {
        PresenterSession session = presenterOf(userId, sessionId);
        if (slide == null || slide < 1 || slide > session.slideCount()) {
            throw LiveCommandException.badPayload("slide must be a number from 1 to " + session.slideCount());
        }
        sessions.showSlide(sessionId, slide);
    }

    /**
     * Moves the pointer to (x, y), fractions 0..1 of the slide, or hides it (both null); presenter only.
     *
     * @throws LiveCommandException {@code live-not-host}, {@code live-bad-payload}, {@code live-forbidden} (ended)
     */
    @Transactional
    public void point(UUID userId, UUID sessionId, Double x, Double y) {
        presenterOf(userId, sessionId);
        if ((x == null) != (y == null) || (x != null && !(fraction(x) && fraction(y)))) {
            throw LiveCommandException.badPayload("x and y must both be numbers from 0 to 1, or both null");
        }
        sessions.point(sessionId, x, y);
    }

    /** The session as a joiner sees it; null when it is unknown. */
    @Transactional(readOnly = true)
    public PresenterSessionView snapshot(UUID sessionId) {
        return sessions.findById(sessionId).map(this::view).orElse(null);
    }

    /** A deleted account's sessions end with it. */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        sessions.findByPresenterId(deleted.userId()).stream().filter(PresenterSession::running)
                .forEach(session -> lifecycle.end(session.id(), "ended"));
    }

    private PresenterSession presenterOf(UUID userId, UUID sessionId) {
        PresenterSession session = sessions.findById(sessionId).filter(PresenterSession::running)
                .orElseThrow(() -> LiveCommandException.forbidden("The presenter session is not running."));
        if (!session.presenterId().equals(userId)) {
            throw new LiveCommandException("live-not-host", "Not the host", "Only the presenter may do this.");
        }
        return session;
    }

    private PresenterSession running(Viewer viewer, UUID presentationId) {
        visible(viewer, presentationId);
        return sessions.findByPresentationIdAndEndedAtIsNull(presentationId)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "No presenter session is running for this presentation."));
    }

    private PresentationSummary visible(Viewer viewer, UUID presentationId) {
        return presentations.summary(viewer, presentationId).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "not-found", "Not found", "No such presentation."));
    }

    private PresenterSessionView view(PresenterSession session) {
        Instant now = clock.instant();
        return PresenterSessionView.of(session, presence.count(LiveKind.PRESENTATION, session.id()), now);
    }

    private static boolean fraction(double value) {
        return value >= 0 && value <= 1;
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, slug, title, detail), null);
    }
}
