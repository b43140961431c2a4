package dev.encore.live.presenter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PresenterSessions extends JpaRepository<PresenterSession, UUID> {

    @Query("select s from PresenterSession s where s.presentationId = :presentationId and s.endedAt is null")
    Optional<PresenterSession> findRunning(@Param("presentationId") UUID presentationId);

    @Query("select s from PresenterSession s where s.endedAt is null")
    List<PresenterSession> findAllRunning();

    List<PresenterSession> findByPresenterId(UUID presenterId);

    @Modifying(clearAutomatically = true)
    @Query("update PresenterSession s set s.slide = :slide where s.id = :id and s.endedAt is null")
    int showSlide(@Param("id") UUID id, @Param("slide") int slide);

    @Modifying(clearAutomatically = true)
    @Query("update PresenterSession s set s.pointerX = :x, s.pointerY = :y where s.id = :id and s.endedAt is null")
    int point(@Param("id") UUID id, @Param("x") Double x, @Param("y") Double y);

    /** The presenter joined (null) or left (the instant); only for a running session. */
    @Modifying(clearAutomatically = true)
    @Query("update PresenterSession s set s.presenterAwaySince = :since where s.id = :id and s.endedAt is null")
    int presenterAway(@Param("id") UUID id, @Param("since") Instant since);

    /** Ends a running session; 0 when it had ended already (so only one caller announces the end). */
    @Modifying(clearAutomatically = true)
    @Query("update PresenterSession s set s.endedAt = :now, s.livePresentationId = null where s.id = :id "
            + "and s.endedAt is null")
    int end(@Param("id") UUID id, @Param("now") Instant now);
}
