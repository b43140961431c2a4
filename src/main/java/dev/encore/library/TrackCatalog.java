package dev.encore.library;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.library.content.LibraryProblems;
import dev.encore.library.playlist.Playlists;
import dev.encore.library.track.ListedTrack;
import dev.encore.library.track.TrackData;
import dev.encore.library.track.TrackListing;
import dev.encore.library.track.Tracks;

/**
 * Tracks as other modules pick and show them (a listening room's queue): what a viewer may play,
 * the tracks of a playlist they may read, and the titles of tracks already picked.
 */
@Service
public class TrackCatalog {

    private final Tracks tracks;
    private final TrackListing listing;
    private final Playlists playlists;

    TrackCatalog(Tracks tracks, TrackListing listing, Playlists playlists) {
        this.tracks = tracks;
        this.listing = listing;
        this.playlists = playlists;
    }

    /**
     * A track, as a line in a list.
     *
     * @param id         track id
     * @param ownerId    whose it is
     * @param title      title
     * @param artist     artist
     * @param durationMs duration
     * @param coverUrl   where its cover picture is (for whoever may see the track), or null
     */
    public record Card(UUID id, UUID ownerId, String title, String artist, long durationMs, String coverUrl) {

        static Card of(TrackData track) {
            return new Card(track.id(), track.ownerId(), track.title(), track.artist(), track.durationMs(),
                    track.coverSha256() == null ? null : "/api/v1/tracks/" + track.id() + "/cover");
        }
    }

    /** A track {@code viewer} may play; empty when it does not exist or is someone else's private one. */
    @Transactional(readOnly = true)
    public Optional<Card> playable(Viewer viewer, UUID trackId) {
        return tracks.findById(trackId).filter(viewer::maySee).map(Card::of);
    }

    /**
     * The tracks of a playlist {@code viewer} may read (theirs or a public one), in its order, leaving
     * out those they may not play.
     *
     * @throws org.springframework.web.ErrorResponseException 404 when there is no such playlist for them
     */
    @Transactional(readOnly = true)
    public List<Card> playlist(Viewer viewer, UUID playlistId) {
        playlists.findById(playlistId).filter(playlist -> playlist.isPublic() || viewer.admin()
                || playlist.ownerId().equals(viewer.userId())).orElseThrow(() -> LibraryProblems.notFound("playlist"));
        List<UUID> ids = playlists.trackIds(playlistId);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ListedTrack> found = listing.byIds(ids).stream()
                .collect(Collectors.toMap(ListedTrack::id, Function.identity(), (first, second) -> first));
        return ids.stream().map(found::get)
                .filter(track -> track != null && viewer.maySee(track.ownerId(), track.visibility())).map(Card::of)
                .toList();
    }

    /**
     * Of these tracks, those {@code viewer} may play now, by id: what was picked earlier, checked
     * again (a track its owner has made private since, or deleted, is left out).
     */
    @Transactional(readOnly = true)
    public Map<UUID, Card> playable(Viewer viewer, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return listing.byIds(ids).stream().filter(track -> viewer.maySee(track.ownerId(), track.visibility()))
                .map(Card::of).collect(Collectors.toMap(Card::id, Function.identity(), (first, second) -> first));
    }

    /** The tracks of these ids that still exist, by id, whoever looks (for lists already picked). */
    @Transactional(readOnly = true)
    public Map<UUID, Card> cards(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return listing.byIds(ids).stream().map(Card::of)
                .collect(Collectors.toMap(Card::id, Function.identity(), (first, second) -> first));
    }
}
