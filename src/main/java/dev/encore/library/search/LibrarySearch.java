package dev.encore.library.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import dev.encore.library.Viewer;
import dev.encore.platform.DatabaseFailures;
import dev.encore.platform.InvalidFieldsException;

/**
 * Search over the library: the engine ranks, the database decides what is shown (a hit whose
 * content is gone or no longer visible to the caller is dropped). When the engine fails, or is
 * known to be degraded, the answer comes from a plain database query (no typo tolerance, no
 * ranking) while the index is rebuilt in the background.
 */
@Service
class LibrarySearch {

    private static final Logger log = LoggerFactory.getLogger(LibrarySearch.class);
    static final int MAX_QUERY_LENGTH = 200;
    /** Enough words for any title; more would only multiply the engine's work. */
    private static final int MAX_TERMS = 8;
    private static final int REBUILD_ATTEMPTS = 5;
    private static final java.time.Duration REBUILD_PAUSE = java.time.Duration.ofSeconds(10);
    /** Before a rebuild that raced a failing change is made again (times the races so far, up to 25). */
    private static final java.time.Duration RACE_PAUSE = java.time.Duration.ofMillis(200);
    /** How deep search pages go (like web search engines): relevance beyond that is noise. */
    static final int MAX_RESULTS = 1000;

    private final SearchEngine engine;
    private final SearchDocuments documents;
    private final DatabaseSearch database;
    /** Why the engine is not trusted right now, or null when it is. */
    private final AtomicReference<String> degraded = new AtomicReference<>();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    /** Set when the engine failed again while a rebuild ran: that rebuild may have missed a change. */
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("search-rebuild").factory());

    LibrarySearch(SearchEngine engine, SearchDocuments documents, DatabaseSearch database) {
        this.engine = engine;
        this.documents = documents;
        this.database = database;
    }

    /**
     * An answer and where it came from.
     *
     * @param results the page of results
     * @param source  the engine's name, or {@code database} when it answered instead
     */
    public record Answer(Page<SearchResult> results, String source) {
    }

    /** Not one transaction: a failed engine query must not spoil the database fallback's transaction. */
    public Answer search(Viewer viewer, String text, String type, SearchQuery.Filters filters, int page, int size) {
        List<String> terms = validTerms(text);
        Set<SearchKind> kinds = kinds(type, filters);
        long offset = (long) page * size;
        if (offset + size > MAX_RESULTS) {
            throw InvalidFieldsException.of("page", "search pages through the best " + MAX_RESULTS
                    + " results only; narrow the query");
        }
        if (kinds.isEmpty()) { // e.g. playlists filtered by artist: nothing can match
            return new Answer(Page.empty(PageRequest.of(page, size)), engine.name());
        }
        SearchQuery query = new SearchQuery(terms, text.strip(), kinds, viewer.userId(), viewer.admin(), filters,
                (int) offset, size);
        if (degraded.get() == null) {
            try {
                SearchHits hits = engine.search(query);
                return new Answer(new PageImpl<>(load(viewer, hits),
                        PageRequest.of(page, size), hits.total()), engine.name());
            }
            catch (SearchUnavailableException e) {
                requireDatabase(e);
                degrade(e);
            }
            catch (RuntimeException e) {
                requireDatabase(e);
                // a query the engine could not run (not a broken engine): this answer from the database
                log.warn("Search engine {} refused a query; answering it from the database", engine.name(), e);
            }
        }
        return new Answer(fromDatabase(viewer, query, page, size), "database");
    }

    /**
     * A failure because the database is away is thrown on (503 {@code unavailable}): the fallback reads
     * the same database, so it only waited for a connection a second time (a search took two connection
     * timeouts to fail), and the engine is not set aside: the PostgreSQL engine is that database, whole
     * again when it is back, and a rebuild meanwhile would only fail until it gave up.
     */
    private static void requireDatabase(RuntimeException failure) {
        if (DatabaseFailures.unreachable(failure)) {
            throw failure;
        }
    }

    /** Starts a rebuild from the database unless one is running; true when this call started it. */
    public boolean rebuildInBackground() {
        if (!rebuilding.compareAndSet(false, true)) {
            again.set(true);
            return false;
        }
        try {
            rebuilder.execute(this::rebuildUntilClean);
        }
        catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            rebuilding.set(false);
            return false;
        }
        return true;
    }

    /**
     * Rebuilds, again when the engine failed meanwhile (the change that failed may have been read
     * before it was committed), and after a failure up to {@link #REBUILD_ATTEMPTS} times with a
     * growing pause; search stays on the database until one succeeds. A rebuild that only raced a
     * failing change is not a failure: it is made again after a short pause (a burst of changes
     * passes), as often as it takes; counted as attempts, a burst of five such changes once left the
     * engine set aside for good.
     */
    private void rebuildUntilClean() {
        try {
            int failures = 0;
            int races = 0;
            while (true) {
                again.set(false);
                try {
                    long started = System.nanoTime();
                    engine.rebuild(documents.all());
                    log.info("Search index rebuilt: {} documents in {} ms", engine.count(),
                            (System.nanoTime() - started) / 1_000_000);
                    if (!again.get()) {
                        degraded.set(null);
                        return;
                    }
                    races++;
                    Thread.sleep(RACE_PAUSE.toMillis() * Math.min(races, 25));
                }
                catch (RuntimeException e) {
                    failures++;
                    degraded.set("rebuild failed");
                    log.error("Search index rebuild {} of {} failed; search answers from the database", failures,
                            REBUILD_ATTEMPTS, e);
                    if (failures >= REBUILD_ATTEMPTS) {
                        return;
                    }
                    Thread.sleep(REBUILD_PAUSE.toMillis() * failures);
                }
            }
        }
        catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        finally {
            rebuilding.set(false);
        }
    }

    /** Rebuilds now, in the caller's thread (the benchmark seeds and then waits for it). */
    void rebuild() {
        engine.rebuild(documents.all());
        degraded.set(null);
    }

    /** Null when the engine is trusted; else why not. */
    String degradedReason() {
        return degraded.get();
    }

    boolean rebuilding() {
        return rebuilding.get();
    }

    String engineName() {
        return engine.name();
    }

    /** Marks the engine untrusted and rebuilds it; search answers from the database meanwhile. */
    void degrade(String reason) {
        if (degraded.getAndSet(reason) == null) {
            log.warn("Search engine {} set aside ({}); answering from the database and rebuilding", engine.name(),
                    reason);
        }
        rebuildInBackground();
    }

    /** The engine failed: the same, with the cause in the log (never in an answer). */
    void degrade(SearchUnavailableException failure) {
        if (degraded.getAndSet(failure.getMessage()) == null) {
            log.warn("Search engine {} unavailable; answering from the database and rebuilding", engine.name(),
                    failure);
        }
        rebuildInBackground();
    }

    /** At start: an index that is missing, broken or out of step with the database is rebuilt. */
    @EventListener(ApplicationReadyEvent.class)
    void checkOnStart() {
        try {
            long indexed = engine.count();
            long stored = documents.count();
            if (indexed != stored) {
                degrade("index holds " + indexed + " documents, the library " + stored);
            }
        }
        catch (SearchUnavailableException e) {
            degrade(e);
        }
    }

    private static List<String> validTerms(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidFieldsException.of("q", "must not be empty");
        }
        if (text.length() > MAX_QUERY_LENGTH) {
            throw InvalidFieldsException.of("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        List<String> terms = SearchText.terms(text);
        if (terms.isEmpty()) {
            throw InvalidFieldsException.of("q", "must contain a letter or digit");
        }
        return terms.size() > MAX_TERMS ? terms.subList(0, MAX_TERMS) : terms;
    }

    private static Set<SearchKind> kinds(String type, SearchQuery.Filters filters) {
        Set<SearchKind> kinds = EnumSet.allOf(SearchKind.class);
        if (type != null) {
            kinds = EnumSet.of(SearchKind.of(type).orElseThrow(() -> InvalidFieldsException.of("type",
                    "must be one of " + Arrays.stream(SearchKind.values()).map(SearchKind::value)
                            .collect(Collectors.joining(", ")))));
        }
        if (filters.trackOnly()) {
            kinds.retainAll(EnumSet.of(SearchKind.TRACK));
        }
        return kinds;
    }

    /** The hits' content as the database has it now, in the engine's order, if still there and listable. */
    private List<SearchResult> load(Viewer viewer, SearchHits hits) {
        Map<SearchKind, Map<UUID, DatabaseSearch.Row>> found = new EnumMap<>(SearchKind.class);
        for (SearchKind kind : SearchKind.values()) {
            found.put(kind, database.rows(kind, ids(hits, kind)));
        }
        List<SearchResult> results = new ArrayList<>();
        for (SearchHits.Hit hit : hits.hits()) {
            DatabaseSearch.Row row = found.get(hit.kind()).get(hit.id());
            if (row != null && row.listableBy(viewer)) {
                results.add(SearchResult.of(row, hit.score()));
            }
        }
        return results;
    }

    private static List<UUID> ids(SearchHits hits, SearchKind kind) {
        return hits.hits().stream().filter(hit -> hit.kind() == kind).map(SearchHits.Hit::id).toList();
    }

    /** The fallback ({@link DatabaseSearch}): tracks first, then videos, playlists and presentations, each by title. */
    private Page<SearchResult> fromDatabase(Viewer viewer, SearchQuery query, int page, int size) {
        List<SearchResult> results = new ArrayList<>();
        long total = 0;
        int wanted = query.offset() + query.limit();
        for (SearchKind kind : List.of(SearchKind.TRACK, SearchKind.VIDEO, SearchKind.PLAYLIST,
                SearchKind.PRESENTATION)) {
            if (query.kinds().contains(kind)) {
                DatabaseSearch.Matches matches = database.matches(kind, viewer, query, wanted);
                Map<UUID, DatabaseSearch.Row> rows = database.rows(kind, matches.ids());
                matches.ids().stream().map(rows::get).filter(row -> row != null)
                        .forEach(row -> results.add(SearchResult.of(row, null)));
                total += matches.total();
            }
        }
        List<SearchResult> slice = results.stream().skip(query.offset()).limit(query.limit()).toList();
        return new PageImpl<>(slice, PageRequest.of(page, size), total);
    }

    @PreDestroy
    void stop() {
        rebuilder.shutdownNow();
    }
}
