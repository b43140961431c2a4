package dev.encore.library.search;

import java.util.UUID;
import java.util.stream.Stream;

/**
 * The search port. Engines are derived data: they can be lost and rebuilt from the database at
 * any time, so every method may fail with {@link SearchUnavailableException}; the caller then
 * answers from the database and rebuilds.
 */
interface SearchEngine {

    /** Short name for health and answers ({@code lucene}, {@code postgres}). */
    String name();

    /** Adds or replaces a document. */
    void upsert(SearchDocument document);

    /** Removes a document if present. */
    void delete(UUID id);

    SearchHits search(SearchQuery query);

    /** Replaces everything with these documents, recreating the engine's storage when it is gone. */
    void rebuild(Stream<SearchDocument> documents);

    /** How many documents it holds; throws when the index is missing or broken. */
    long count();
}
