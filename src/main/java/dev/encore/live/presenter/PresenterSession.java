package dev.encore.live.presenter;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A presenter session over one presentation: the slide and pointer the presenter shows. Running
 * until {@code endedAt} is set. Slide, pointer and presence change through conditional updates in
 * {@link PresenterSessions} (rapid commands never conflict); this class is read and created.
 */
@Entity
@Table(name = "presenter_sessions")
class PresenterSession {

    @Id
    private UUID id;
    @Column(name = "presentation_id")
    private UUID presentationId;
    /** The presentation's id while running, null once ended: one running session per presentation. */
    @Column(name = "live_presentation_id")
    private UUID livePresentationId;
    @Column(name = "presenter_id")
    private UUID presenterId;
    private int slide;
    @Column(name = "slide_count")
    private int slideCount;
    @Column(name = "pointer_x")
    private Double pointerX;
    @Column(name = "pointer_y")
    private Double pointerY;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "presenter_away_since")
    private Instant presenterAwaySince;

    protected PresenterSession() {
    }

    /** A session on slide 1; the presenter counts as away until they join its topic. */
    PresenterSession(UUID presentationId, UUID presenterId, int slideCount, Instant now) {
        this.id = UUID.randomUUID();
        this.presentationId = presentationId;
        this.livePresentationId = presentationId;
        this.presenterId = presenterId;
        this.slide = 1;
        this.slideCount = slideCount;
        this.startedAt = now;
        this.presenterAwaySince = now;
    }

    UUID id() {
        return id;
    }

    UUID presentationId() {
        return presentationId;
    }

    UUID presenterId() {
        return presenterId;
    }

    boolean running() {
        return endedAt == null;
    }

    int slide() {
        return slide;
    }

    int slideCount() {
        return slideCount;
    }

    Double pointerX() {
        return pointerX;
    }

    Double pointerY() {
        return pointerY;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    Instant presenterAwaySince() {
        return presenterAwaySince;
    }
}
