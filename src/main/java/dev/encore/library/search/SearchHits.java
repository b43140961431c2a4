package dev.encore.library.search;

import java.util.List;
import java.util.UUID;

/**
 * Ranked matches, best first.
 *
 * @param total how many match in all (may be a lower bound on very large result sets)
 * @param hits  the requested page of them
 */
record SearchHits(long total, List<Hit> hits) {

    /**
     * One match.
     *
     * @param id    content id
     * @param kind  its kind
     * @param score relevance (higher is better; comparable within one answer only)
     */
    public record Hit(UUID id, SearchKind kind, float score) {
    }
}
