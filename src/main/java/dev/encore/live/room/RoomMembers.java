package dev.encore.live.room;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RoomMembers extends JpaRepository<RoomMember, UUID> {

    Optional<RoomMember> findByRoomIdAndUserId(UUID roomId, UUID userId);

    List<RoomMember> findByUserId(UUID userId);

    /** The members now, the earliest joined first. */
    @Query("select m from RoomMember m where m.roomId = :room and m.leftAt is null order by m.joinedAt, m.id")
    List<RoomMember> active(@Param("room") UUID roomId);

    @Query("select count(m) from RoomMember m where m.roomId = :room and m.leftAt is null")
    int countActive(@Param("room") UUID roomId);

    @Query("select count(m) > 0 from RoomMember m where m.roomId = :room and m.userId = :user and m.leftAt is null")
    boolean isActive(@Param("room") UUID roomId, @Param("user") UUID userId);

    /** Members with no live connection since before {@code before}. */
    @Query("select m from RoomMember m where m.leftAt is null and m.absentSince < :before")
    List<RoomMember> absentSince(@Param("before") Instant before);

    /** Members whose connection is thought to be live (checked against presence by the sweep). */
    @Query("select m from RoomMember m where m.leftAt is null and m.absentSince is null")
    List<RoomMember> thoughtPresent();

    /** Whether {@code user} is a member of a room that plays or queues the track. */
    @Query("select count(m) > 0 from RoomMember m, Room r where m.roomId = r.id and m.userId = :user "
            + "and m.leftAt is null and (r.currentTrackId = :track or exists "
            + "(select q.id from QueueEntry q where q.roomId = r.id and q.trackId = :track))")
    boolean lendsTrack(@Param("user") UUID userId, @Param("track") UUID trackId);

    /** Whether {@code user} left a room that still plays or queues the track. */
    @Query("select count(m) > 0 from RoomMember m, Room r where m.roomId = r.id and m.userId = :user "
            + "and m.leftAt is not null and (r.currentTrackId = :track or exists "
            + "(select q.id from QueueEntry q where q.roomId = r.id and q.trackId = :track))")
    boolean lentTrack(@Param("user") UUID userId, @Param("track") UUID trackId);
}
