package dev.encore.library.content;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;

import dev.encore.library.ContentChanged;
import dev.encore.library.Viewer;
import dev.encore.library.search.SearchKind;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.InvalidFieldsException;

/**
 * The rules tracks and videos share, in one place: who sees a piece of content (404 for everyone
 * else: private content is not admitted to exist), who changes or deletes it (its owner or an admin,
 * 403 otherwise; 412 when it changed since the version the client read), that its source never
 * changes, and that deleting it (alone, or with its owner's account) drops it from search and hands
 * its blobs to the collector. Each library holds one for its kind; the calls run in its transaction.
 *
 * @param <T> the content
 */
public final class ContentEditing<T extends LibraryContent> {

    private final ContentRepository<T> repository;
    private final SearchKind kind;
    private final ApplicationEventPublisher events;
    private final BlobCollector collector;
    private final Function<T, Stream<String>> blobs;
    private final Consumer<List<UUID>> beforeDelete;

    public ContentEditing(ContentRepository<T> repository, SearchKind kind, ApplicationEventPublisher events,
            BlobCollector collector) {
        this(repository, kind, events, collector, LibraryContent::blobs);
    }

    /** @param blobs the blobs a piece of content keeps alive, where they are more than {@link LibraryContent#blobs} */
    public ContentEditing(ContentRepository<T> repository, SearchKind kind, ApplicationEventPublisher events,
            BlobCollector collector, Function<T, Stream<String>> blobs) {
        this(repository, kind, events, collector, blobs, ids -> {
        });
    }

    /**
     * @param blobs        the blobs a piece of content keeps alive
     * @param beforeDelete told the ids of content about to be deleted, in the deleting transaction, once
     *                     their rows are locked: what refers to them lets go first (playlists their tracks)
     */
    public ContentEditing(ContentRepository<T> repository, SearchKind kind, ApplicationEventPublisher events,
            BlobCollector collector, Function<T, Stream<String>> blobs, Consumer<List<UUID>> beforeDelete) {
        this.repository = repository;
        this.kind = kind;
        this.events = events;
        this.collector = collector;
        this.blobs = blobs;
        this.beforeDelete = beforeDelete;
    }

    /** Featuring is for admins (403 on {@code featured} otherwise). */
    public static void checkFeatured(Viewer viewer, Boolean featured) {
        if (featured != null && !viewer.admin()) {
            throw LibraryProblems.adminOnly("featured");
        }
    }

    /** The content, when the viewer may see it (404 otherwise). */
    public T visible(Viewer viewer, UUID id) {
        return repository.findById(id).filter(viewer::maySee).orElseThrow(() -> LibraryProblems.notFound(kind.value()));
    }

    /**
     * Changes content the viewer may change; a change never names a new source ({@code fileId},
     * {@code uploadId}).
     *
     * @param expectedVersion the version the client read (If-Match), or null
     */
    public T update(Viewer viewer, UUID id, UUID fileId, UUID uploadId, Long expectedVersion, Consumer<T> change) {
        if (fileId != null || uploadId != null) {
            throw InvalidFieldsException.of(fileId != null ? "fileId" : "uploadId", "cannot be changed");
        }
        T content = editable(viewer, id);
        if (expectedVersion != null && expectedVersion != content.version()) {
            throw LibraryProblems.stale();
        }
        change.accept(content);
        return saved(content);
    }

    /** Saves new or changed content and tells search. */
    public T saved(T content) {
        T saved = repository.save(content);
        events.publishEvent(new ContentChanged(saved.id(), kind));
        return saved;
    }

    /** Deletes content the viewer may change, then (after the commit) its blobs when nothing else uses them. */
    public void delete(Viewer viewer, UUID id) {
        deleted(List.of(editable(viewer, id)));
    }

    /** A deleted account's content goes with it. */
    public void deleteAllOf(UUID ownerId) {
        deleted(repository.findByOwnerId(ownerId));
    }

    private void deleted(List<T> contents) {
        // read before the delete, which takes job-written rows (a video's outputs, a presentation's
        // slides) with it; each row locked first, so rows a job is committing right now are read too
        contents.forEach(content -> repository.lockRow(content.id()));
        List<String> kept = contents.stream().flatMap(blobs).distinct().toList();
        beforeDelete.accept(contents.stream().map(LibraryContent::id).toList());
        repository.deleteAll(contents);
        contents.forEach(content -> events.publishEvent(new ContentChanged(content.id(), kind)));
        kept.forEach(collector::collect);
    }

    /** Content the viewer may change: visible to them (404) and theirs, or they are an admin (403). */
    public T editable(Viewer viewer, UUID id) {
        T content = visible(viewer, id);
        if (!viewer.owns(content) && !viewer.admin()) {
            throw LibraryProblems.notYours();
        }
        return content;
    }
}
