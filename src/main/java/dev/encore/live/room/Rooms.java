package dev.encore.live.room;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Rooms extends JpaRepository<Room, UUID> {

    /** The room, locked until the transaction ends: commands on one room take turns, on any node. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Room r where r.id = :id")
    Optional<Room> lock(@Param("id") UUID id);

    Optional<Room> findByInviteCode(String inviteCode);

    Page<Room> findByIsPublicTrue(Pageable pageable);

    /** Public rooms whose lower-cased name is like {@code pattern} (lower case, with % wildcards). */
    @Query("select r from Room r where r.isPublic = true and lower(r.name) like :pattern")
    Page<Room> publicNamed(@Param("pattern") String pattern, Pageable pageable);

    @Query("select r from Room r where r.id in (select m.roomId from RoomMember m where m.userId = :user "
            + "and m.leftAt is null)")
    Page<Room> withMember(@Param("user") UUID userId, Pageable pageable);

    List<Room> findByEmptySinceBefore(Instant before);

    @Query("select r.id from Room r")
    List<UUID> allIds();
}
