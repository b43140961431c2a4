package dev.encore.library.playlist;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes deleted tracks out of the playlists that held them, as removing their items by hand does:
 * the rest close up (positions 0..n-1) and each playlist's version and updatedAt move on, so a
 * client's copy (its ETag) is stale from then on and an edit made on it is refused (412). Runs in the
 * transaction that deletes the tracks, before their rows go: the foreign key would otherwise take the
 * items with them, unseen by the playlists' versions.
 */
@Component
public class PlaylistTrackRemoval {

    private final Playlists playlists;
    private final Clock clock;

    PlaylistTrackRemoval(Playlists playlists, Clock clock) {
        this.playlists = playlists;
        this.clock = clock;
    }

    /** One read and one save per playlist that held any of these tracks; no other playlist is read. */
    @Transactional
    public void remove(Collection<UUID> trackIds) {
        Set<UUID> gone = Set.copyOf(trackIds);
        Instant now = clock.instant();
        for (UUID id : holding(List.copyOf(gone))) {
            // locked before it is read: a change made at this moment is seen (or waits), a playlist deleted meanwhile is skipped
            playlists.lockRow(id).flatMap(playlists::findById).ifPresent(playlist -> {
                if (playlist.removeTracks(gone, now)) {
                    playlists.save(playlist);
                }
            });
        }
    }

    /** In id order, so two deletions at once lock the playlists they share in the same order. */
    private SortedSet<UUID> holding(List<UUID> trackIds) {
        SortedSet<UUID> holding = new TreeSet<>();
        for (int from = 0; from < trackIds.size(); from += PlaylistLibrary.TRACKS_PER_QUERY) {
            holding.addAll(playlists.holding(
                    trackIds.subList(from, Math.min(trackIds.size(), from + PlaylistLibrary.TRACKS_PER_QUERY))));
        }
        return holding;
    }
}
