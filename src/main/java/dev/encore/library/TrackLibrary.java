package dev.encore.library;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.library.content.ContentEditing;
import dev.encore.library.content.LibraryContent;
import dev.encore.library.content.LibraryProblems;
import dev.encore.library.content.StoredMedia;
import dev.encore.library.content.StreamableOriginals;
import dev.encore.library.content.StreamableOriginals.Table;
import dev.encore.library.playlist.PlaylistTrackRemoval;
import dev.encore.library.search.SearchKind;
import dev.encore.library.track.ReleaseYearRule;
import dev.encore.library.track.Track;
import dev.encore.library.track.TrackDetails;
import dev.encore.library.track.TrackFilter;
import dev.encore.library.track.TrackListing;
import dev.encore.library.track.TrackView;
import dev.encore.library.track.Tracks;
import dev.encore.library.upload.ContentSources;
import dev.encore.library.upload.Upload;
import dev.encore.library.upload.UploadKind;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.platform.spi.StreamLinks;

/**
 * Tracks: saved from finished imports (the file stops expiring and becomes library content), read
 * according to visibility, edited by their owner (featuring by admins), deleted with their blob
 * when nothing else uses it.
 */
@Service
public class TrackLibrary {

    private final Tracks tracks;
    private final StreamableOriginals originals;
    private final TrackListing listing;
    private final ContentEditing<Track> editing;
    private final ContentSources sources;
    private final StreamLinks links;
    private final Clock clock;

    TrackLibrary(Tracks tracks, StreamableOriginals originals, TrackListing listing, ContentSources sources, BlobCollector collector, ApplicationEventPublisher events,
            PlaylistTrackRemoval playlists, StreamLinks links, Clock clock) {
        this.tracks = tracks;
        this.originals = originals;
        this.listing = listing;
        // playlists let go of a deleted track as if its items were removed by hand (new version, no gaps)
        this.editing = new ContentEditing<>(tracks, SearchKind.TRACK, events, collector, LibraryContent::blobs,
                playlists::remove);
        this.sources = sources;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Saves the viewer's finished import file ({@code fileId}) or audio upload ({@code uploadId}) as a
     * track; title defaults to the tags or the file name.
     */
    @Transactional
    public TrackView create(Viewer viewer, TrackDetails details) {
        checkRules(viewer, details);
        ContentSources.requireOne(details.fileId(), details.uploadId());
        if (details.uploadId() != null) {
            Upload upload = sources.useUpload(viewer, details.uploadId(), UploadKind.AUDIO, "must be an audio upload");
            details = withDefaults(details, upload);
            return save(viewer, new DeliverableFile(upload.id(), upload.ownerId(), upload.filename(),
                    upload.mimeType(), upload.size(), upload.sha256(), upload.durationMs(), upload.createdAt(), null),
                    details, upload.coverSha256());
        }
        return save(viewer, sources.claimFile(viewer, details.fileId()), details, null);
    }

    /** An upload's probed tags fill what the request leaves out. */
    private static TrackDetails withDefaults(TrackDetails details, Upload upload) {
        return new TrackDetails(details.title() != null ? details.title() : upload.title(),
                details.artist() != null ? details.artist() : upload.artist(),
                details.album() != null ? details.album() : upload.album(),
                details.genre() != null ? details.genre() : upload.genre(),
                details.year() != null ? details.year() : upload.year(), details.category(), details.visibility(),
                details.tags(), details.featured(), null, details.uploadId());
    }

    private TrackView save(Viewer viewer, DeliverableFile file, TrackDetails details, String coverSha256) {
        SequencedMap<String, String> errors = new LinkedHashMap<>();
        if (file.durationMs() == null || file.durationMs() < 1000) {
            errors.put(details.uploadId() != null ? "uploadId" : "fileId", "must be audio at least 1 second long");
        }
        if (details.artist() == null) {
            errors.put("artist", "must not be empty");
        }
        if (!errors.isEmpty()) {
            throw InvalidFieldsException.ofFields(errors); // rolls the claim back: the file stays an import file
        }
        Track track = new Track(viewer.userId(), new StoredMedia(file.sha256(), file.mimeType(), file.size(),
                file.durationMs(), file.filename()), clock.instant());
        track.cover(coverSha256);
        String title = details.title() != null ? details.title() : ContentSources.titleOf(file.filename());
        track.describe(new TrackDetails(title, details.artist(), details.album(), details.genre(), details.year(),
                details.category(), details.visibility(), details.tags(), details.featured(), null, null),
                clock.instant());
        return view(viewer, editing.saved(track));
    }

    @Transactional(readOnly = true)
    public TrackView get(Viewer viewer, UUID id) {
        return view(viewer, editing.visible(viewer, id));
    }

    /** Plain statements without a transaction: each reads committed rows ({@link TrackListing} says why). */
    public Page<TrackView> list(Viewer viewer, TrackFilter filter, Pageable pageable) {
        return listing.page(viewer, filter, pageable).map(track -> TrackView.of(track, viewer, links));
    }

    /**
     * Changes a track's metadata.
     *
     * @param expectedVersion the version the client read (If-Match), or null
     */
    @Transactional
    public TrackView update(Viewer viewer, UUID id, TrackDetails details, Long expectedVersion) {
        checkRules(viewer, details);
        return view(viewer, editing.update(viewer, id, details.fileId(), details.uploadId(), expectedVersion,
                track -> track.describe(details, clock.instant())));
    }

    /**
     * Deletes a track, and its items from every playlist that held it (each playlist gets a new version);
     * then (after the commit) its blobs when no other content uses the same bytes.
     */
    @Transactional
    public void delete(Viewer viewer, UUID id) {
        editing.delete(viewer, id);
    }

    /** A deleted account's tracks go with it, out of everyone's playlists too. */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        editing.deleteAllOf(deleted.userId());
    }

    /**
     * The original of a track the viewer may play, for streaming: one plain statement (no
     * transaction, no entity, no tags), as it runs for every range request a player makes.
     */
    public DeliverableFile original(Viewer viewer, UUID id) {
        return originals.find(Table.TRACKS, id).filter(found -> viewer.maySee(found.ownerId(), found.visibility()))
                .orElseThrow(() -> LibraryProblems.notFound("track")).deliverable();
    }

    /**
     * The original of a track whoever its viewer is, for a stream another module lends (a listening
     * room's member plays what its host queued): the caller has checked the grant.
     */
    public DeliverableFile lentOriginal(UUID id) {
        return originals.find(Table.TRACKS, id).orElseThrow(() -> LibraryProblems.notFound("track")).deliverable();
    }


    /** The cover picture of a track the viewer may see (404 when it has none). */
    @Transactional(readOnly = true)
    public String coverOf(Viewer viewer, UUID id) {
        String cover = editing.visible(viewer, id).coverSha256();
        if (cover == null) {
            throw LibraryProblems.notFound("cover");
        }
        return cover;
    }

    private TrackView view(Viewer viewer, Track track) {
        return TrackView.of(track, viewer, links);
    }

    private void checkRules(Viewer viewer, TrackDetails details) {
        ContentEditing.checkFeatured(viewer, details.featured());
        if (ReleaseYearRule.inFuture(details.year(), clock)) { // callers that bypass the controller's rules
            throw InvalidFieldsException.of("year", ReleaseYearRule.MESSAGE);
        }
    }
}
