package dev.encore.live.room;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.encore.live.PlaybackState;

/**
 * A listening room: its settings, its host, its private invite code and the playback state the
 * server owns (what plays, its position at a server instant, playing, rate).
 */
@Entity
@Table(name = "rooms")
class Room {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;
    private String name;
    @Column(name = "is_public")
    private boolean isPublic;
    @Column(name = "max_listeners")
    private int maxListeners;
    @Column(name = "host_id")
    private UUID hostId;
    @Column(name = "invite_code")
    private String inviteCode;
    @Column(name = "current_entry_id")
    private UUID currentEntryId;
    @Column(name = "current_track_id")
    private UUID currentTrackId;
    @Column(name = "position_ms")
    private long positionMs;
    @Column(name = "at_server_time")
    private Instant atServerTime;
    private boolean playing;
    private double rate;
    @Column(name = "empty_since")
    private Instant emptySince;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected Room() {
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

    void nobodyHere(Instant now) {
        if (emptySince == null) {
            emptySince = now;
        }
    }

    void somebodyHere() {
        emptySince = null;
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
