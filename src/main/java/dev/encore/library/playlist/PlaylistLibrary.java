package dev.encore.library.playlist;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.library.ContentChanged;
import dev.encore.library.Viewer;
import dev.encore.library.content.LibraryProblems;
import dev.encore.library.search.SearchKind;
import dev.encore.library.track.ListedTrack;
import dev.encore.library.track.TrackListing;
import dev.encore.library.track.TrackView;
import dev.encore.library.track.Tracks;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.spi.StreamLinks;

/**
 * Playlists: made and changed by their owner, every change guarded by the version the client read
 * (If-Match; 412 when stale); readable by everyone when public, by share token when shared.
 */
@Service
class PlaylistLibrary {

    /** Tracks looked up per query: far below every database's limit of bind parameters. */
    static final int TRACKS_PER_QUERY = 1000;

    private final Playlists playlists;
    private final Tracks tracks;
    private final TrackListing listing;
    private final ApplicationEventPublisher events;
    private final StreamLinks links;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PlaylistLibrary(Playlists playlists, Tracks tracks, TrackListing listing, ApplicationEventPublisher events,
            StreamLinks links, Clock clock) {
        this.playlists = playlists;
        this.tracks = tracks;
        this.listing = listing;
        this.events = events;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public PlaylistView create(Viewer viewer, PlaylistRequest request) {
        if (request.name() == null) {
            throw InvalidFieldsException.of("name", "must not be empty");
        }
        Playlist playlist = new Playlist(viewer.userId(), request.name(), request.description(),
                Boolean.TRUE.equals(request.isPublic()), clock.instant());
        return view(viewer, changed(saved(playlist)));
    }

    @Transactional(readOnly = true)
    public PlaylistView get(Viewer viewer, UUID id) {
        return view(viewer, readable(viewer, id));
    }

    @Transactional(readOnly = true)
    public PlaylistView shared(Viewer viewer, String token) {
        return view(viewer, playlists.findByShareToken(token).orElseThrow(() -> LibraryProblems.notFound("playlist")));
    }

    /** A page of playlists; their tracks are read in one query for the whole page, not one per playlist. */
    @Transactional(readOnly = true)
    public Page<PlaylistView> list(Viewer viewer, Pageable pageable) {
        Page<Playlist> page = playlists.visibleTo(viewer.userId(), pageable);
        Map<UUID, ListedTrack> visible = visibleTracks(viewer, page.getContent());
        return page.map(playlist -> view(viewer, playlist, visible));
    }

    @Transactional
    public PlaylistView update(Viewer viewer, UUID id, Long version, PlaylistRequest request) {
        Playlist playlist = editable(viewer, id, version);
        playlist.rename(request.name(), request.description(), request.isPublic(), clock.instant());
        return view(viewer, changed(saved(playlist)));
    }

    @Transactional
    public void delete(Viewer viewer, UUID id, Long version) {
        playlists.delete(changed(editable(viewer, id, version)));
    }

    /**
     * Adds a track the owner may see, at {@code position}: 0-based, at most the number of items (the
     * end, also the default); past the end is a 400, not the end.
     */
    @Transactional
    public PlaylistView add(Viewer viewer, UUID id, Long version, UUID trackId, Integer position) {
        Playlist playlist = editable(viewer, id, version);
        if (trackId == null || tracks.findById(trackId).filter(viewer::maySee).isEmpty()) {
            throw InvalidFieldsException.of("trackId", "must name a track you may see");
        }
        int end = playlist.items().size();
        if (position != null && (position < 0 || position > end)) {
            throw InvalidFieldsException.of("position", "must be between 0 and " + end + " (the number of items)");
        }
        playlist.add(trackId, position, clock.instant());
        return view(viewer, saved(playlist));
    }

    @Transactional
    public PlaylistView remove(Viewer viewer, UUID id, Long version, UUID itemId) {
        Playlist playlist = editable(viewer, id, version);
        if (!playlist.remove(itemId, clock.instant())) {
            throw LibraryProblems.notFound("playlist item");
        }
        return view(viewer, saved(playlist));
    }

    @Transactional
    public PlaylistView reorder(Viewer viewer, UUID id, Long version, List<UUID> itemIds) {
        Playlist playlist = editable(viewer, id, version);
        if (itemIds == null || !playlist.reorder(itemIds, clock.instant())) {
            throw InvalidFieldsException.of("itemIds", "must list every item of the playlist exactly once");
        }
        return view(viewer, saved(playlist));
    }

    /** A share token: whoever has it (signed in) may read the playlist. Idempotent. */
    @Transactional
    public String share(Viewer viewer, UUID id) {
        Playlist playlist = editable(viewer, id, null);
        if (playlist.shareToken() == null) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            playlist.share(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), clock.instant());
            saved(playlist);
        }
        return playlist.shareToken();
    }

    /**
     * Revokes the share link: its token reads nothing from now on, and sharing again gives a new one
     * (how a leaked link is rotated). Idempotent.
     */
    @Transactional
    public void unshare(Viewer viewer, UUID id) {
        Playlist playlist = editable(viewer, id, null);
        if (playlist.unshare(clock.instant())) {
            saved(playlist);
        }
    }

    /**
     * A deleted account's playlists go with it (and out of the search index). Deleted by id, whatever
     * their version: deleting the account's tracks at the same moment changes them too.
     */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        List<Playlist> owned = playlists.findByOwnerId(deleted.userId());
        playlists.deleteAllById(owned.stream().map(Playlist::id).toList());
        owned.forEach(this::changed);
    }

    /**
     * Saves the playlist and its items (every item row is written again). A track deleted meanwhile
     * takes its items out through the playlist ({@link PlaylistTrackRemoval}: a new version, so this
     * save meets a stale version and is run again); only a track deleted between this change's check
     * that it exists and its save is missed by that, and then the foreign key refuses the item row:
     * the playlist changed meanwhile (409), and nothing is written.
     */
    private Playlist saved(Playlist playlist) {
        try {
            return playlists.save(playlist);
        }
        catch (DataIntegrityViolationException trackGone) {
            throw LibraryProblems.conflict("A track of the playlist was deleted meanwhile; read it again and retry.");
        }
    }

    /** Its name and visibility are searchable: the index hears of every change. */
    private Playlist changed(Playlist playlist) {
        events.publishEvent(new ContentChanged(playlist.id(), SearchKind.PLAYLIST));
        return playlist;
    }

    private Playlist readable(Viewer viewer, UUID id) {
        return playlists.findById(id).filter(playlist -> playlist.isPublic() || viewer.admin()
                || playlist.ownerId().equals(viewer.userId())).orElseThrow(() -> LibraryProblems.notFound("playlist"));
    }

    private Playlist editable(Viewer viewer, UUID id, Long version) {
        Playlist playlist = readable(viewer, id);
        if (!playlist.ownerId().equals(viewer.userId())) {
            throw LibraryProblems.notYours();
        }
        if (version != null && version != playlist.version()) {
            throw LibraryProblems.stale();
        }
        return playlist;
    }

    private PlaylistView view(Viewer viewer, Playlist playlist) {
        return view(viewer, playlist, visibleTracks(viewer, List.of(playlist)));
    }

    /** The tracks of {@code lists} that {@code viewer} may see, by id. */
    private Map<UUID, ListedTrack> visibleTracks(Viewer viewer, List<Playlist> lists) {
        List<UUID> ids = lists.stream().flatMap(playlist -> playlist.items().stream()).map(PlaylistItem::trackId)
                .distinct().toList();
        Map<UUID, ListedTrack> visible = new HashMap<>();
        for (int from = 0; from < ids.size(); from += TRACKS_PER_QUERY) {
            listing.byIds(ids.subList(from, Math.min(ids.size(), from + TRACKS_PER_QUERY))).stream()
                    .filter(track -> viewer.maySee(track.ownerId(), track.visibility()))
                    .forEach(track -> visible.put(track.id(), track));
        }
        return visible;
    }

    private PlaylistView view(Viewer viewer, Playlist playlist, Map<UUID, ListedTrack> visible) {
        List<PlaylistItem> items = playlist.items();
        List<PlaylistView.Item> shown = items.stream().filter(item -> visible.containsKey(item.trackId()))
                .map(item -> new PlaylistView.Item(item.id(), item.position(),
                        TrackView.of(visible.get(item.trackId()), viewer, links)))
                .toList();
        return new PlaylistView(playlist.id(), playlist.ownerId(), playlist.name(), playlist.description(),
                playlist.isPublic(), shown, playlist.createdAt(), playlist.updatedAt(), playlist.version(),
                playlist.ownerId().equals(viewer.userId()) ? playlist.shareToken() : null);
    }
}
