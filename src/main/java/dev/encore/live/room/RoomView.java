package dev.encore.live.room;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.encore.live.PlaybackState;

/**
 * A room as a client sees it.
 *
 * @param id           room id
 * @param name         its name (1–100 characters)
 * @param isPublic     listed and joinable by id; otherwise by invite code only
 * @param maxListeners most members at once, the host included
 * @param hostId       who controls playback and the queue
 * @param hostName     the host's username
 * @param hostDisplayName the name to show for the host: their display name, or their username when they have none
 * @param memberCount  members now
 * @param createdAt    when it was made
 * @param inviteCode   the code that joins it (the host and admins only; otherwise null)
 * @param inviteUrl    the web app's join link for the code (the host and admins only)
 * @param state        the playback state
 * @param current      what plays (stream URL for members only), or null
 * @param queue        what plays next, in order (stream URLs for members only)
 * @param suggestions  members' suggestions waiting for the host
 * @param members      the members, earliest joined first
 */
record RoomView(UUID id, String name, boolean isPublic, int maxListeners, UUID hostId, String hostName,
        String hostDisplayName, int memberCount, Instant createdAt, String inviteCode, String inviteUrl, State state, Entry current,
        List<Entry> queue, List<SuggestionEntry> suggestions, List<Member> members) {

    /**
     * The playback state: the position {@code positionMs} at the server instant {@code atServerTime},
     * advancing by {@code rate} while {@code playing}. {@code serverTime} is the server's clock (epoch
     * ms) when the answer was made.
     */
    @Schema(name = "RoomPlayback")
    record State(UUID itemId, String itemType, long positionMs, Instant atServerTime, long atServerTimeMs,
            boolean playing, double rate, long serverTime) {

        static State of(PlaybackState state, Instant now) {
            return new State(state.itemId(), state.itemType(), state.positionMs(), state.atServerTime(),
                    state.atServerTime().toEpochMilli(), state.playing(), state.rate(), now.toEpochMilli());
        }
    }

    /** A track playing or queued; {@code id} is the queue entry's. */
    @Schema(name = "RoomQueueEntry")
    record Entry(UUID id, UUID trackId, String title, String artist, long durationMs, String coverUrl, UUID addedBy,
            String streamUrl, Instant streamUrlExpiresAt) {
    }

    /**
     * A suggestion waiting for the host; {@code username} is who suggested it, {@code displayName} the
     * name to show for them (their display name, or their username when they have none).
     */
    record SuggestionEntry(UUID id, UUID trackId, String title, String artist, long durationMs, UUID suggestedBy,
            String username, String displayName, Instant createdAt) {
    }

    /** A member: {@code displayName} is the name to show (their display name, or their username when they have none). */
    record Member(UUID userId, String username, String displayName, Instant joinedAt, boolean host) {
    }
}
