package dev.encore.live.room;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's membership of a room. It stays after they leave ({@code leftAt}), so a stream URL the
 * room lent them answers 403; joining again revives it. {@code absentSince} is when their last live
 * connection went (or when they joined, until they connect): after {@code encore.live.member-grace}
 * they leave.
 */
@Entity
@Table(name = "room_members")
class RoomMember {

    @Id
    private UUID id;
    @Column(name = "room_id")
    private UUID roomId;
    @Column(name = "user_id")
    private UUID userId;
    private String username;
    @Column(name = "joined_at")
    private Instant joinedAt;
    @Column(name = "absent_since")
    private Instant absentSince;
    @Column(name = "left_at")
    private Instant leftAt;

    protected RoomMember() {
    }

    RoomMember(UUID roomId, UUID userId, String username, Instant now) {
        this.id = UUID.randomUUID();
        this.roomId = roomId;
        this.userId = userId;
        this.username = username;
        this.joinedAt = now;
        this.absentSince = now;
    }

    boolean active() {
        return leftAt == null;
    }

    void rejoin(Instant now) {
        if (leftAt != null) {
            leftAt = null;
            joinedAt = now;
            absentSince = now;
        }
    }

    void leave(Instant now) {
        leftAt = now;
    }

    void present() {
        absentSince = null;
    }

    void absent(Instant now) {
        if (absentSince == null) {
            absentSince = now;
        }
    }

    UUID id() {
        return id;
    }

    UUID roomId() {
        return roomId;
    }

    UUID userId() {
        return userId;
    }

    String username() {
        return username;
    }

    Instant joinedAt() {
        return joinedAt;
    }

    Instant absentSince() {
        return absentSince;
    }
}
