package dev.encore.live.room;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.platform.InsertOnlyRow;

/**
 * A user's membership of a room. It stays after they leave ({@code leftAt}), so a stream URL the
 * room lent them answers 403; joining again revives it. {@code absentSince} is when their last live
 * connection went (or when they joined, until they connect): after {@code encore.live.member-grace}
 * they leave. Inserted once; every later change is a statement of {@link RoomMembers}, because
 * connections come and go without the room's lock, and a save of a whole row read before a leave
 * would bring the member back.
 */
@Table("room_members")
class RoomMember extends InsertOnlyRow<UUID> {

    @Id
    private UUID id;
    private UUID roomId;
    private UUID userId;
    private String username;
    private Instant joinedAt;
    private Instant absentSince;
    private Instant leftAt;

    /** For Spring Data, which fills the fields of one read from the database. */
    private RoomMember() {
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

    UUID id() {
        return id;
    }

    @Override
    public UUID getId() {
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
