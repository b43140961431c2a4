package dev.encore.library;

import java.util.UUID;

import dev.encore.library.search.SearchKind;

/**
 * Searchable content was created, changed or deleted. Published in the transaction that made the
 * change, so the Modulith event registry (the transactional outbox) hands it to the search index
 * after the commit, and again after a crash, until the index has taken it.
 *
 * @param id   the content
 * @param kind its kind
 */
public record ContentChanged(UUID id, SearchKind kind) {
}
