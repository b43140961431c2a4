package dev.encore.live.presenter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PresenterSessions extends ListCrudRepository<PresenterSession, UUID> {

    Optional<PresenterSession> findByPresentationIdAndEndedAtIsNull(UUID presentationId);

    List<PresenterSession> findByEndedAtIsNull();

    List<PresenterSession> findByPresenterId(UUID presenterId);

    @Modifying
    @Query("UPDATE presenter_sessions SET slide = :slide WHERE id = :id AND ended_at IS NULL")
    int showSlide(UUID id, int slide);

    @Modifying
    @Query("UPDATE presenter_sessions SET pointer_x = :x, pointer_y = :y WHERE id = :id AND ended_at IS NULL")
    int point(UUID id, Double x, Double y);

    /** The presenter joined (null) or left (the instant); only for a running session. */
    @Modifying
    @Query("UPDATE presenter_sessions SET presenter_away_since = :since WHERE id = :id AND ended_at IS NULL")
    int presenterAway(UUID id, Instant since);

    /** Ends a running session; 0 when it had ended already (so only one caller announces the end). */
    @Modifying
    @Query("UPDATE presenter_sessions SET ended_at = :now, live_presentation_id = NULL WHERE id = :id"
            + " AND ended_at IS NULL")
    int end(UUID id, Instant now);
}
