package dev.encore.live.room;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RoomMembers extends ListCrudRepository<RoomMember, UUID> {

    Optional<RoomMember> findByRoomIdAndUserId(UUID roomId, UUID userId);

    List<RoomMember> findByUserId(UUID userId);

    /** The rooms {@code userId} is a member of now. */
    @Query("SELECT room_id FROM room_members WHERE user_id = :userId AND left_at IS NULL")
    List<UUID> roomsOf(UUID userId);

    /** The members now, the earliest joined first. */
    @Query("SELECT * FROM room_members WHERE room_id = :roomId AND left_at IS NULL ORDER BY joined_at, id")
    List<RoomMember> active(UUID roomId);

    @Query("SELECT COUNT(*) FROM room_members WHERE room_id = :roomId AND left_at IS NULL")
    int countActive(UUID roomId);

    @Query("SELECT COUNT(*) > 0 FROM room_members WHERE room_id = :roomId AND user_id = :userId AND left_at IS NULL")
    boolean isActive(UUID roomId, UUID userId);

    /** Members with no live connection since before {@code before}. */
    @Query("SELECT * FROM room_members WHERE left_at IS NULL AND absent_since < :before")
    List<RoomMember> absentSince(Instant before);

    /** Members whose connection is thought to be live (checked against presence by the sweep). */
    @Query("SELECT * FROM room_members WHERE left_at IS NULL AND absent_since IS NULL")
    List<RoomMember> thoughtPresent();

    /** A member who left is one again, joined {@code now} and absent until they connect. */
    @Modifying
    @Query("UPDATE room_members SET left_at = NULL, joined_at = :now, absent_since = :now"
            + " WHERE id = :id AND left_at IS NOT NULL")
    int rejoin(UUID id, Instant now);

    /** The member leaves (once: leaving again keeps the first instant). */
    @Modifying
    @Query("UPDATE room_members SET left_at = :now WHERE id = :id AND left_at IS NULL")
    int leave(UUID id, Instant now);

    /** {@code userId} connected to the room: present, their grace over. */
    @Modifying
    @Query("UPDATE room_members SET absent_since = NULL WHERE room_id = :roomId AND user_id = :userId")
    int present(UUID roomId, UUID userId);

    /** {@code userId}'s last connection to the room went: absent from {@code now}, unless they already were. */
    @Modifying
    @Query("UPDATE room_members SET absent_since = :now WHERE room_id = :roomId AND user_id = :userId"
            + " AND absent_since IS NULL")
    int absent(UUID roomId, UUID userId, Instant now);

    /**
     * The hosts of the rooms {@code userId} is a member of that play or queue the track: a room lends
     * it only while its host may play it ({@link RoomStreamGrants}).
     */
    @Query("SELECT DISTINCT r.host_id FROM room_members m JOIN rooms r ON r.id = m.room_id WHERE m.user_id = :userId"
            + " AND m.left_at IS NULL AND r.host_id IS NOT NULL AND (r.current_track_id = :trackId OR EXISTS"
            + " (SELECT q.id FROM room_queue q WHERE q.room_id = r.id AND q.track_id = :trackId))")
    List<UUID> lendingHosts(UUID userId, UUID trackId);

    /** Whether {@code userId} left a room that still plays or queues the track. */
    @Query("SELECT COUNT(*) > 0 FROM room_members m JOIN rooms r ON r.id = m.room_id WHERE m.user_id = :userId"
            + " AND m.left_at IS NOT NULL AND (r.current_track_id = :trackId OR EXISTS"
            + " (SELECT q.id FROM room_queue q WHERE q.room_id = r.id AND q.track_id = :trackId))")
    boolean lentTrack(UUID userId, UUID trackId);
}
