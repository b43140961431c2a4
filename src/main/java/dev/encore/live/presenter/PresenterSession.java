package dev.encore.live.presenter;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/**
 * A presenter session over one presentation: the slide and pointer the presenter shows. Running
 * until {@code endedAt} is set. Slide, pointer and presence change through conditional updates in
 * {@link PresenterSessions} (rapid commands never conflict); this class is read and created.
 */
@Table("presenter_sessions")
class PresenterSession extends InsertOnlyRow<UUID> {

    @Id
    private UUID id;
    private UUID presentationId;
    /** The presentation's id while running, null once ended: one running session per presentation. */
    private UUID livePresentationId;
    private UUID presenterId;
    private int slide;
    private int slideCount;
    private Double pointerX;
    private Double pointerY;
    private Instant startedAt;
    private Instant endedAt;
    private Instant presenterAwaySince;

    /** For Spring Data, which fills the fields of one read from the database. */
    private PresenterSession() {
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

    @Override
    public UUID getId() {
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
