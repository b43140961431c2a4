package dev.encore.live.room;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.InsertOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.live.PlaybackState;

/**
 * A listening room: its settings, its host, its private invite code and the playback state the
 * server owns (what plays, its position at a server instant, playing, rate). Changed by the host's
 * requests with the room locked and saved ({@link Rooms#findLockedById}); since when nobody is
 * connected is kept by statements ({@link Rooms#somebodyHere}, {@link Rooms#nobodyHere}).
 */
@Table("rooms")
class Room {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;
    private String name;
    private boolean isPublic;
    private int maxListeners;
    private UUID hostId;
    private String inviteCode;
    private UUID currentEntryId;
    private UUID currentTrackId;
    private long positionMs;
    private Instant atServerTime;
    private boolean playing;
    private double rate;
    /** Set only by {@link Rooms#somebodyHere} and {@link Rooms#nobodyHere}: a save of the room never writes over it. */
    @InsertOnlyProperty
    private Instant emptySince;
    private Instant createdAt;
    /** None until it is first stored (how Spring Data tells a new room), then counted up by every save. */
    @Version
    private Long version;

    /** For Spring Data, which fills the fields of one read from the database. */
    private Room() {
    }

    Room(UUID hostId, String name, boolean isPublic, int maxListeners, Instant now) {
        this.id = UUID.randomUUID();
        this.hostId = hostId;
        this.name = name;
        this.isPublic = isPublic;
        this.maxListeners = maxListeners;
        this.inviteCode = newCode();
        this.atServerTime = now;
        this.rate = 1.0;
        this.emptySince = now;
        this.createdAt = now;
    }

    /** A fresh invite code (128 random bits); the old one stops working. */
    void rotateInvite() {
        inviteCode = newCode();
    }

    void settings(String newName, Boolean nowPublic, Integer newMax) {
        if (newName != null) {
            name = newName;
        }
        if (nowPublic != null) {
            isPublic = nowPublic;
        }
        if (newMax != null) {
            maxListeners = newMax;
        }
    }

    void hostedBy(UUID userId) {
        hostId = userId;
    }

    boolean isHost(UUID userId) {
        return userId.equals(hostId);
    }

    PlaybackState state() {
        return new PlaybackState(currentTrackId, currentTrackId == null ? null : "track", positionMs, atServerTime,
                playing, rate);
    }

    void apply(PlaybackState state) {
        currentTrackId = state.itemId();
        positionMs = state.positionMs();
        atServerTime = state.atServerTime();
        playing = state.playing();
        rate = state.rate();
    }

    /** {@code entry} becomes what plays, from 0, playing or paused as before; null: nothing plays. */
    void load(QueueEntry entry, Instant now) {
        currentEntryId = entry == null ? null : entry.id();
        apply(entry == null ? PlaybackState.idle(now) : state().withItem(entry.trackId(), "track", now));
    }

    private static String newCode() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    boolean isPublic() {
        return isPublic;
    }

    int maxListeners() {
        return maxListeners;
    }

    UUID hostId() {
        return hostId;
    }

    String inviteCode() {
        return inviteCode;
    }

    UUID currentEntryId() {
        return currentEntryId;
    }

    Instant emptySince() {
        return emptySince;
    }

    Instant createdAt() {
        return createdAt;
    }
}
