package dev.encore.live.room;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface Rooms extends ListCrudRepository<Room, UUID> {

    /**
     * The room, locked until the transaction ends ({@code SELECT … FOR UPDATE}): commands on one room
     * take turns, on any node.
     */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Room> findLockedById(UUID id);

    Optional<Room> findByInviteCode(String inviteCode);

    // Pages are derived queries: Spring Data JDBC pages no @Query, and a derived one maps the sort's
    // properties (name, createdAt) to their columns.

    Page<Room> findByIsPublicTrue(Pageable pageable);

    /** Public rooms whose name contains {@code words}, in any case. */
    Page<Room> findByIsPublicTrueAndNameContainingIgnoreCase(String words, Pageable pageable);

    /** The rooms of {@code ids}, which must not be empty. */
    Page<Room> findByIdIn(Collection<UUID> ids, Pageable pageable);

    List<Room> findByEmptySinceBefore(Instant before);

    @Query("SELECT id FROM rooms")
    List<UUID> allIds();

    /** Somebody is connected: the room is not empty (a statement: it needs no lock and moves no version). */
    @Modifying
    @Query("UPDATE rooms SET empty_since = NULL WHERE id = :id AND empty_since IS NOT NULL")
    int somebodyHere(UUID id);

    /** Nobody is connected: the room is empty from {@code now}, unless it already was. */
    @Modifying
    @Query("UPDATE rooms SET empty_since = :now WHERE id = :id AND empty_since IS NULL")
    int nobodyHere(UUID id, Instant now);
}
