package dev.encore.live.premiere;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

interface Premieres extends ListCrudRepository<Premiere, UUID>, PagingAndSortingRepository<Premiere, UUID> {

    /** Premieres not marked ended, soonest first (the upcoming and live list, and the restart check). */
    List<Premiere> findByStateInOrderByStartsAtAsc(Collection<PremiereState> states);

    Page<Premiere> findByOwnerId(UUID ownerId, Pageable pageable);

    boolean existsByVideoIdAndStateIn(UUID videoId, Collection<PremiereState> states);

    List<Premiere> findByOwnerId(UUID ownerId);

    List<Premiere> findByVideoId(UUID videoId);

    /** Raises the peak to {@code viewers} when that is more (a conditional update: racing joins lose nothing). */
    @Modifying
    @Query("UPDATE premieres SET peak_viewers = :viewers WHERE id = :id AND peak_viewers < :viewers")
    int raisePeak(UUID id, int viewers);
}
