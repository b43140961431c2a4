package dev.encore.live.room;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.library.TrackCatalog;
import dev.encore.library.Viewers;
import dev.encore.live.PlaybackState;

/**
 * What a room may show and lend: the tracks its host may play now, by the library's rule (the
 * host's own, public and unlisted ones), checked again on every read rather than only when a track
 * was queued. A track its owner made private (or deleted) since is no longer the room's to show or
 * lend; one made public again comes back.
 */
@Component
class RoomTracks {

    private final TrackCatalog catalog;
    private final Viewers viewers;

    RoomTracks(TrackCatalog catalog, Viewers viewers) {
        this.catalog = catalog;
        this.viewers = viewers;
    }

    /**
     * Of these tracks, those {@code userId} may play now, by id; none when there is no such user
     * (a room without a host) or their account is gone or disabled.
     */
    Map<UUID, TrackCatalog.Card> playableBy(UUID userId, Collection<UUID> trackIds) {
        if (userId == null || trackIds.isEmpty()) {
            return Map.of();
        }
        return viewers.current(userId).map(viewer -> catalog.playable(viewer, trackIds)).orElse(Map.of());
    }

    boolean mayPlay(UUID userId, UUID trackId) {
        return playableBy(userId, List.of(trackId)).containsKey(trackId);
    }

    /** The track's length in milliseconds, whoever may play it; {@link Long#MAX_VALUE} once it is gone. */
    long durationMs(UUID trackId) {
        return catalog.cards(List.of(trackId)).values().stream().mapToLong(TrackCatalog.Card::durationMs).findFirst()
                .orElse(Long.MAX_VALUE);
    }

    /**
     * The room's playback state as it stands at {@code now}: a track that played to its end is paused
     * there, never past it ({@link PlaybackState#endedBy}).
     */
    PlaybackState stateAt(Room room, Instant now) {
        PlaybackState state = room.state();
        return state.itemId() == null ? state : state.endedBy(now, durationMs(state.itemId()));
    }
}
