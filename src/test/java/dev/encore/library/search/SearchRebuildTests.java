package dev.encore.library.search;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The background rebuild's loop, with an engine that stands for one whose writes fail while a
 * rebuild runs: a rebuild that raced such a failure is made again, and however many races a burst
 * of changes causes, the engine is trusted again once a rebuild runs clean. And a search that fails
 * because the database is away sets nothing aside and is not asked of the database again.
 */
class SearchRebuildTests {

    private final RacingEngine engine = new RacingEngine();
    private final LibrarySearch search = new LibrarySearch(engine, new NoDocuments(), null);

    @AfterEach
    void stop() {
        search.stop();
    }

    @Test
    void aBurstOfRacesLongerThanTheAttemptsForFailuresStillEndsTrusted() {
        engine.racesLeft.set(8); // more than the five attempts a failing rebuild gets

        search.degrade("test: set aside");

        await().atMost(Duration.ofSeconds(60)).until(() -> search.degradedReason() == null && !search.rebuilding());
        assertThat(engine.rebuilds).hasValue(9);
    }

    @Test
    void aCleanRebuildRunsOnce() {
        search.degrade("test: set aside");

        await().atMost(Duration.ofSeconds(10)).until(() -> search.degradedReason() == null && !search.rebuilding());
        assertThat(engine.rebuilds).hasValue(1);
    }

    /**
     * The fallback reads the same database: asked, it waited for a connection a second time (a search
     * took two connection timeouts, about 20 s, to answer 503); and a rebuild could only fail.
     */
    @Test
    void aSearchWhileTheDatabaseIsAwayFailsOnceAndLeavesTheEngineTrusted() {
        engine.searchFailure = new SearchUnavailableException("search database unavailable",
                new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new java.sql.SQLTransientConnectionException(
                                "encore-db - Connection is not available, request timed out after 5000ms")));

        // no DatabaseSearch in this LibrarySearch: the fallback must not be reached
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> search.search(
                new dev.encore.library.Viewer(UUID.randomUUID(), false), "song", null,
                new SearchQuery.Filters(null, null, null, null, null, null), 0, 20));

        assertThat(failure).isSameAs(engine.searchFailure);
        assertThat(search.degradedReason()).as("the engine is trusted: nothing to rebuild").isNull();
        assertThat(search.rebuilding()).isFalse();
        assertThat(engine.rebuilds).hasValue(0);
    }

    /** Each rebuild but the last few is raced by a change that fails to reach the engine. */
    private final class RacingEngine implements SearchEngine {

        final AtomicInteger racesLeft = new AtomicInteger();
        final AtomicInteger rebuilds = new AtomicInteger();
        /** What a search throws. */
        RuntimeException searchFailure = new UnsupportedOperationException();

        @Override
        public String name() {
            return "racing";
        }

        @Override
        public void rebuild(Stream<SearchDocument> documents) {
            rebuilds.incrementAndGet();
            if (racesLeft.getAndDecrement() > 0) {
                search.degrade(new SearchUnavailableException("a change failed during the rebuild", null));
            }
        }

        @Override
        public long count() {
            return 0;
        }

        @Override
        public void upsert(SearchDocument document) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SearchHits search(SearchQuery query) {
            throw searchFailure;
        }
    }

    /** An empty library. */
    private static final class NoDocuments extends SearchDocuments {

        NoDocuments() {
            super(null, null, null, null, null, null, null);
        }

        @Override
        Stream<SearchDocument> all() {
            return Stream.empty();
        }
    }
}
