package dev.encore.library.search;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.library.Visibility;
import dev.encore.library.playlist.Playlist;
import dev.encore.library.playlist.Playlists;
import dev.encore.library.presentation.Presentation;
import dev.encore.library.presentation.PresentationSlides;
import dev.encore.library.presentation.Presentations;
import dev.encore.library.presentation.Slide;
import dev.encore.library.track.TrackData;
import dev.encore.library.track.TrackListing;
import dev.encore.library.track.Tracks;
import dev.encore.library.video.Video;
import dev.encore.library.video.Videos;

/** Library content as search documents, read from the database (the source of truth). */
@Component
class SearchDocuments {

    private static final int BATCH = 1000;
    /** Presentations carry their slides' text: fewer at a time. */
    private static final int PRESENTATION_BATCH = 50;
    /** Text indexed per presentation (PostgreSQL's tsvector takes at most 1 MB). */
    static final int MAX_BODY = 200_000;

    private final Tracks tracks;
    /** The rebuild reads tracks with their tags in two queries a batch, not one per track. */
    private final TrackListing trackRows;
    private final Videos videos;
    private final Playlists playlists;
    private final Presentations presentations;
    private final PresentationSlides slides;
    private final TransactionTemplate readOnly;
    /**
     * A rebuild's batches: each in a transaction of its own even inside a caller's (the PostgreSQL
     * engine rebuilds in one write transaction): joined to it, every entity read stayed in one
     * persistence context, and a million tracks ran a 512 MB heap out of memory.
     */
    private final TransactionTemplate batch;

    SearchDocuments(Tracks tracks, TrackListing trackRows, Videos videos, Playlists playlists,
            Presentations presentations, PresentationSlides slides, PlatformTransactionManager transactions) {
        this.slides = slides;
        this.tracks = tracks;
        this.trackRows = trackRows;
        this.videos = videos;
        this.playlists = playlists;
        this.presentations = presentations;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.batch = new TransactionTemplate(transactions);
        this.batch.setReadOnly(true);
        this.batch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The current document of a piece of content, or empty when it is gone. */
    Optional<SearchDocument> of(UUID id, SearchKind kind) {
        return readOnly.execute(status -> switch (kind) {
            case TRACK -> tracks.findById(id).map(SearchDocuments::of);
            case VIDEO -> videos.findById(id).map(SearchDocuments::of);
            case PLAYLIST -> playlists.findById(id).map(SearchDocuments::of);
            case PRESENTATION -> presentations.findById(id).map(this::document);
        });
    }

    /** Everything, read in batches by id (each batch its own short transaction). */
    Stream<SearchDocument> all() {
        return Stream.of(
                inBatches(after -> trackRows.after(after, BATCH).stream().map(SearchDocuments::of).toList()),
                inBatches(after -> videos.findByIdGreaterThanOrderById(after, Limit.of(BATCH)).stream()
                        .map(SearchDocuments::of).toList()),
                inBatches(after -> playlists.findByIdGreaterThanOrderById(after, Limit.of(BATCH)).stream()
                        .map(SearchDocuments::of).toList()),
                inBatches(after -> presentations.findByIdGreaterThanOrderById(after, Limit.of(PRESENTATION_BATCH))
                        .stream().map(this::document).toList())).flatMap(batches -> batches);
    }

    /** Keyset paging: the next batch starts after the last id of the one before. */
    private Stream<SearchDocument> inBatches(Function<UUID, List<SearchDocument>> after) {
        return Stream.iterate(batch.execute(status -> after.apply(new UUID(0, 0))), read -> !read.isEmpty(),
                read -> batch.execute(status -> after.apply(read.getLast().id()))).flatMap(List::stream);
    }

    long count() {
        return tracks.count() + videos.count() + playlists.count() + presentations.count();
    }

    static SearchDocument of(TrackData track) {
        return new SearchDocument(track.id(), SearchKind.TRACK, track.ownerId(),
                track.visibility() == Visibility.PUBLIC, track.title(), track.artist(), track.album(), track.genre(),
                track.sortedTags(), track.year(), null);
    }

    static SearchDocument of(Video video) {
        return new SearchDocument(video.id(), SearchKind.VIDEO, video.ownerId(),
                video.visibility() == Visibility.PUBLIC, video.title(), null, null, null,
                video.sortedTags(), null, null);
    }

    static SearchDocument of(Playlist playlist) {
        return new SearchDocument(playlist.id(), SearchKind.PLAYLIST, playlist.ownerId(), playlist.isPublic(),
                playlist.name(), null, null, null, null, null, null);
    }

    /** A presentation: its title, tags and description words rank first, then what its slides say. */
    SearchDocument document(Presentation presentation) {
        String body = String.join("\n", slides.of(presentation.id()).stream().map(Slide::text).toList());
        return new SearchDocument(presentation.id(), SearchKind.PRESENTATION, presentation.ownerId(),
                presentation.visibility() == Visibility.PUBLIC, presentation.title(), null, null, null,
                presentation.sortedTags(), null, body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body);
    }
}
