package dev.encore.live.presenter;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.encore.library.PresentationLibrary;
import dev.encore.library.Viewers;
import dev.encore.live.LiveJoined;
import dev.encore.live.LiveKind;
import dev.encore.live.LiveLeft;
import dev.encore.live.LiveSessions;

/**
 * Presenter sessions as live sessions: whoever may see the presentation joins a running session;
 * the presenter moderates; there is no chat. The presenter's joins and leaves drive the grace.
 */
@Component
class PresentationLiveSessions implements LiveSessions {

    private final PresenterSessions sessions;
    private final PresentationLibrary presentations;
    private final Viewers viewers;
    private final Presenting presenting;
    private final PresenterLifecycle lifecycle;
    private final Clock clock;

    PresentationLiveSessions(PresenterSessions sessions, PresentationLibrary presentations, Viewers viewers,
            Presenting presenting, PresenterLifecycle lifecycle, Clock clock) {
        this.sessions = sessions;
        this.presentations = presentations;
        this.viewers = viewers;
        this.presenting = presenting;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Override
    public LiveKind kind() {
        return LiveKind.PRESENTATION;
    }

    @Override
    public boolean mayJoin(UUID userId, UUID sessionId) {
        return sessions.findById(sessionId).filter(PresenterSession::running)
                .flatMap(session -> viewers.current(userId)
                        .flatMap(viewer -> presentations.summary(viewer, session.presentationId())))
                .isPresent();
    }

    @Override
    public boolean mayModerate(UUID userId, UUID sessionId) {
        return sessions.findById(sessionId).map(session -> session.presenterId().equals(userId)).orElse(false);
    }

    @Override
    public boolean chatEnabled(UUID sessionId) {
        return false;
    }

    @Override
    public Object snapshot(UUID sessionId, UUID forUser) {
        return presenting.snapshot(sessionId);
    }

    @EventListener
    void on(LiveJoined joined) {
        if (joined.kind() == LiveKind.PRESENTATION && isPresenter(joined.sessionId(), joined.userId())) {
            lifecycle.back(joined.sessionId());
        }
    }

    @EventListener
    void on(LiveLeft left) {
        if (left.kind() == LiveKind.PRESENTATION && isPresenter(left.sessionId(), left.userId())) {
            lifecycle.away(left.sessionId(), clock.instant());
        }
    }

    private boolean isPresenter(UUID sessionId, UUID userId) {
        return sessions.findById(sessionId).filter(PresenterSession::running)
                .map(session -> session.presenterId().equals(userId)).orElse(false);
    }
}
