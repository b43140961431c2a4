package dev.encore.live.premiere;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Premieres extends JpaRepository<Premiere, UUID> {

    /** Premieres not marked ended, soonest first (the upcoming and live list, and the restart check). */
    List<Premiere> findByStateInOrderByStartsAtAsc(Collection<PremiereState> states);

    Page<Premiere> findByOwnerId(UUID ownerId, Pageable pageable);

    boolean existsByVideoIdAndStateIn(UUID videoId, Collection<PremiereState> states);

    List<Premiere> findByOwnerId(UUID ownerId);

    List<Premiere> findByVideoId(UUID videoId);

    /** Raises the peak to {@code viewers} when that is more (a conditional update: racing joins lose nothing). */
    @Modifying
    @Query("update Premiere p set p.peakViewers = :viewers where p.id = :id and p.peakViewers < :viewers")
    int raisePeak(@Param("id") UUID id, @Param("viewers") int viewers);
}
