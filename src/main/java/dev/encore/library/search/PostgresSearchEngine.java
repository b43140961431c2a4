package dev.encore.library.search;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The distributed engine, shared by every node: one table in PostgreSQL with a weighted
 * {@code tsvector} (ranked prefix matching) and a lexicon of indexed words with a trigram index:
 * a misspelt query word is replaced by the known words within its edit distance. The tables are
 * the engine's own derived storage, like Lucene's directory: the engine creates them (not Flyway)
 * so that it can recreate them when they are gone.
 */
class PostgresSearchEngine implements SearchEngine {

    /** Serialises schema creation between nodes starting together. */
    private static final long SCHEMA_LOCK = 0x656e636f7265L; // "encore"
    private static final long REBUILD_LOCK = SCHEMA_LOCK + 1;
    private static final int BATCH = 500;
    /** The tables' shape; change it whenever {@link #SCHEMA} changes. */
    private static final String SCHEMA_VERSION = "encore-search-4";
    /** Tags travel as one string split in SQL (no driver-specific array binding). */
    private static final String TAG_SEPARATOR = "\u001f";

    private static final String SCHEMA = """
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE TABLE IF NOT EXISTS search_documents (
                id           UUID     NOT NULL PRIMARY KEY,
                kind         VARCHAR(16) NOT NULL,
                owner_id     UUID     NOT NULL,
                listed       BOOLEAN  NOT NULL,
                title        TEXT     NOT NULL,
                artist_key   TEXT,
                album_key    TEXT,
                genre_key    TEXT,
                tag_keys     TEXT[]   NOT NULL,
                release_year INTEGER,
                document     TSVECTOR NOT NULL
            );
            CREATE INDEX IF NOT EXISTS search_documents_fts_idx ON search_documents USING gin (document);
            CREATE INDEX IF NOT EXISTS search_documents_owner_idx ON search_documents (owner_id);
            CREATE TABLE IF NOT EXISTS search_words (word TEXT COLLATE "C" NOT NULL PRIMARY KEY);
            CREATE INDEX IF NOT EXISTS search_words_trgm_idx ON search_words USING gist (word gist_trgm_ops);
            """;

    private static final String UPSERT = """
            INSERT INTO search_documents (id, kind, owner_id, listed, title, artist_key, album_key, genre_key,
                tag_keys, release_year, document)
            VALUES (:id, :kind, :owner, :listed, :title, :artistKey, :albumKey, :genreKey, string_to_array(:tagKeys, chr(31)), :year,
                setweight(to_tsvector('simple', :titleText), 'A') || setweight(to_tsvector('simple', :artistText), 'B')
                || setweight(to_tsvector('simple', :albumText), 'C') || setweight(to_tsvector('simple', :restText), 'D'))
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, owner_id = excluded.owner_id,
                listed = excluded.listed, title = excluded.title, artist_key = excluded.artist_key,
                album_key = excluded.album_key, genre_key = excluded.genre_key, tag_keys = excluded.tag_keys,
                release_year = excluded.release_year, document = excluded.document
            """;

    /** The lexicon typos are corrected against (words are never removed: a stale one only costs a lookup). */
    private static final String WORDS = """
            INSERT INTO search_words (word) SELECT DISTINCT w FROM unnest(string_to_array(:words, ' ')) AS w
            WHERE length(w) >= 3 ON CONFLICT DO NOTHING
            """;

    /** Every word of the indexed documents into the lexicon (as {@link #WORDS} adds them one document at a time). */
    private static final String LEXICON = """
            INSERT INTO search_words (word) SELECT word FROM ts_stat('SELECT document FROM search_documents')
            WHERE length(word) >= 3 ON CONFLICT DO NOTHING
            """;

    /**
     * What the lexicon knows of a query word, in one round trip: the shortest words it begins
     * ({@code nearest} false; one more than {@link #MAX_COMPLETIONS}, then there are too many; the
     * column's binary collation lets the primary key serve the prefix), and when it may be
     * misspelt, candidates for the word meant: the nearest words by trigram distance (a GiST
     * k-nearest search, no similarity threshold to tune), checked against the edit distance
     * afterwards.
     */
    private static final String KNOWN_WORDS = """
            (SELECT word, FALSE AS nearest, length(word)::real AS rank FROM search_words WHERE word LIKE :prefix
             ORDER BY length(word), word LIMIT :completions)
            UNION ALL
            (SELECT word, TRUE, word <-> :term FROM search_words WHERE :typos ORDER BY word <-> :term LIMIT 30)
            ORDER BY nearest, rank, word
            """;
    private static final int MAX_ALTERNATIVES = 8;
    /**
     * How many words a prefix may stand for in a search that nothing narrows: a short prefix
     * begins hundreds of words held by a quarter of a million documents, and the full-text index
     * reads every one of them into a bitmap before the first candidate (130 ms at a million tracks).
     */
    private static final int MAX_COMPLETIONS = 16;
    private static final int MAX_RANKED = 500;
    private static final String UNDEFINED_TABLE = "42P01";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    /**
     * Index writes commit on their own: the indexer calls them inside its event listener's
     * transaction, and a failed write joined to it (the table gone) would mark that transaction
     * rollback-only, so the listener's commit, and with it the event's completion, would fail.
     */
    private final TransactionTemplate writes;

    public PostgresSearchEngine(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = new TransactionTemplate(transactions);
        this.writes = new TransactionTemplate(transactions);
        this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        guard(() -> {
            createSchema();
            return null;
        });
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void upsert(SearchDocument document) {
        guard(() -> writes.execute(status -> {
            MapSqlParameterSource parameters = parameters(document);
            jdbc.update(WORDS, parameters);
            return jdbc.update(UPSERT, parameters);
        }));
    }

    @Override
    public void delete(UUID id) {
        guard(() -> writes.execute(status -> jdbc.update("DELETE FROM search_documents WHERE id = :id",
                new MapSqlParameterSource("id", id))));
    }

    @Override
    public SearchHits search(SearchQuery query) {
        return guard(() -> transactions.execute(status -> {
            List<String> exact = new ArrayList<>();
            List<String> whole = new ArrayList<>();
            List<String> any = new ArrayList<>();
            boolean narrowed = !query.filters().equals(SearchQuery.Filters.NONE)
                    || query.kinds().size() < SearchKind.values().length;
            for (String term : query.terms()) {
                KnownWords known = knownWords(term, !narrowed && term.length() >= 2);
                String prefix = narrowed ? term + ":*" : prefix(term, known.completions());
                exact.add(prefix);
                whole.add(term);
                List<String> alternatives = new ArrayList<>(List.of(prefix));
                alternatives.addAll(corrections(term, known.nearest()));
                any.add("(" + String.join(" | ", alternatives) + ")");
            }
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("exact", String.join(" & ", exact)).addValue("any", String.join(" & ", any))
                    .addValue("whole", String.join(" & ", whole))
                    .addValue("kinds", query.kinds().stream().map(SearchKind::name).toList())
                    .addValue("viewer", query.viewerId()).addValue("admin", query.admin())
                    .addValue("limit", query.limit()).addValue("offset", query.offset());
            StringBuilder where = new StringBuilder("""
                    d.kind IN (:kinds) AND (:admin OR d.listed OR d.owner_id = :viewer)""");
            SearchQuery.Filters filters = query.filters();
            filter(where, params, "artist_key", "artist", filters.artist());
            filter(where, params, "album_key", "album", filters.album());
            filter(where, params, "genre_key", "genre", filters.genre());
            if (filters.tag() != null) {
                where.append(" AND :tag = ANY(d.tag_keys)");
                params.addValue("tag", SearchText.key(filters.tag()));
            }
            if (filters.yearFrom() != null) {
                where.append(" AND d.release_year >= :yearFrom");
                params.addValue("yearFrom", filters.yearFrom());
            }
            if (filters.yearTo() != null) {
                where.append(" AND d.release_year <= :yearTo");
                params.addValue("yearTo", filters.yearTo());
            }
            // Ranking every match of a short prefix costs more than it is worth: up to MAX_RANKED
            // documents holding the query's whole words, and as many more matching it at all
            // (prefixes, corrections), are ranked; the total is then a lower bound, as Lucene's is.
            // Exact and prefix matches rank above corrected ones. Each candidate is scored where it
            // is found (a document found by both gets the same score, and UNION keeps it once), not
            // looked up again by id.
            String sql = """
                    WITH q AS (SELECT to_tsquery('simple', :any) AS query, to_tsquery('simple', :exact) AS exact,
                                      to_tsquery('simple', :whole) AS whole),
                    candidates AS (
                        (SELECT %3$s FROM search_documents d, q WHERE d.document @@ q.whole AND %1$s LIMIT %2$d)
                        UNION
                        (SELECT %3$s FROM search_documents d, q WHERE d.document @@ q.query AND %1$s LIMIT %2$d))
                    SELECT id, kind, score, count(*) OVER () AS total
                    FROM candidates
                    ORDER BY score DESC, title, id
                    LIMIT :limit OFFSET :offset""".formatted(where, MAX_RANKED, """
                    d.id, d.kind, d.title, ts_rank(d.document, q.query) + 2 * ts_rank(d.document, q.exact) AS score""");
            long[] total = { 0 };
            List<SearchHits.Hit> hits = new ArrayList<>();
            jdbc.query(sql, params, row -> {
                total[0] = row.getLong("total");
                hits.add(new SearchHits.Hit(row.getObject("id", UUID.class), SearchKind.valueOf(row.getString("kind")),
                        row.getFloat("score")));
            });
            return new SearchHits(total[0], hits);
        }));
    }

    /**
     * A query word as a prefix: every word it begins ({@code term:*}), or, when it begins more than
     * {@link #MAX_COMPLETIONS} known words, the word itself and the shortest of them. A search
     * ranks at most {@link #MAX_RANKED} documents per branch anyway, and these words alone are held
     * by thousands; narrowed searches (a kind, a filter) keep every word, or they could miss the
     * few documents they narrow to. Single letters keep every word too: the lexicon has no words
     * under three letters.
     */
    private static String prefix(String term, List<String> words) {
        if (words.size() <= MAX_COMPLETIONS) {
            return term + ":*";
        }
        List<String> alternatives = new ArrayList<>(List.of(term));
        words.stream().filter(word -> !word.equals(term)).limit(MAX_COMPLETIONS).forEach(alternatives::add);
        return "(" + String.join(" | ", alternatives) + ")";
    }

    /**
     * Known words within the edit distance Lucene's side allows too (one for four to seven letters,
     * two from eight; transpositions count as one), found by trigram similarity and confirmed by a
     * Levenshtein automaton from lucene-core.
     */
    private static List<String> corrections(String term, List<String> nearest) {
        int edits = SearchText.maxEdits(term);
        if (edits == 0) {
            return List.of();
        }
        CharacterRunAutomaton within = new CharacterRunAutomaton(new LevenshteinAutomata(term, true).toAutomaton(edits));
        return nearest.stream().filter(word -> !word.equals(term) && within.run(word)).limit(MAX_ALTERNATIVES)
                .toList();
    }

    /** Completions only when asked for (a {@code LIMIT 0} branch reads nothing), nearest words only for typos. */
    private KnownWords knownWords(String term, boolean beginning) {
        boolean typos = SearchText.maxEdits(term) > 0;
        if (!beginning && !typos) {
            return new KnownWords(List.of(), List.of());
        }
        MapSqlParameterSource params = new MapSqlParameterSource("prefix", term + "%")
                .addValue("completions", beginning ? MAX_COMPLETIONS + 1 : 0).addValue("term", term)
                .addValue("typos", typos);
        List<String> completions = new ArrayList<>();
        List<String> nearest = new ArrayList<>();
        jdbc.query(KNOWN_WORDS, params, (RowCallbackHandler) row -> (row.getBoolean("nearest") ? nearest : completions)
                .add(row.getString("word")));
        return new KnownWords(completions, nearest);
    }

    /** The words a query word begins (the shortest first) and the words nearest to it (the nearest first). */
    private record KnownWords(List<String> completions, List<String> nearest) {
    }

    @Override
    public long count() {
        return guard(() -> jdbc.getJdbcTemplate().queryForObject("SELECT count(*) FROM search_documents", Long.class));
    }

    @Override
    public void rebuild(Stream<SearchDocument> documents) {
        guard(() -> writes.execute(status -> {
            createSchema();
            // one rebuild at a time across nodes (several may find the index short at start)
            jdbc.getJdbcTemplate().queryForList("SELECT pg_advisory_xact_lock(?)", REBUILD_LOCK);
            jdbc.getJdbcTemplate().update("DELETE FROM search_documents");
            List<MapSqlParameterSource> batch = new ArrayList<>(BATCH);
            documents.forEach(document -> {
                batch.add(parameters(document));
                if (batch.size() == BATCH) {
                    jdbc.batchUpdate(UPSERT, batch.toArray(MapSqlParameterSource[]::new));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                jdbc.batchUpdate(UPSERT, batch.toArray(MapSqlParameterSource[]::new));
            }
            // the lexicon typos are corrected against, from the documents' own words in one pass
            // (a rebuild after the tables were lost would otherwise forgive no typo)
            jdbc.getJdbcTemplate().update(LEXICON);
            return null;
        }));
        // fresh statistics for the planner after a bulk load (else it may scan instead of using the
        // full-text index), and the full-text index's pending entries merged: no search pays for them
        guard(() -> {
            jdbc.getJdbcTemplate().execute("ANALYZE search_documents, search_words");
            jdbc.getJdbcTemplate().queryForList("SELECT gin_clean_pending_list('search_documents_fts_idx')");
            return null;
        });
    }

    /**
     * Creates the tables unless they are there in this shape; tables of another shape (an older
     * Encore's) are dropped first: they hold only derived data, and the start-up check rebuilds them.
     */
    private void createSchema() {
        transactions.execute(status -> {
            JdbcTemplate sql = jdbc.getJdbcTemplate();
            sql.queryForList("SELECT pg_advisory_xact_lock(?)", SCHEMA_LOCK);
            String shape = sql.queryForObject("SELECT CASE WHEN to_regclass('search_documents') IS NULL THEN NULL "
                    + "ELSE coalesce(obj_description(to_regclass('search_documents'), 'pg_class'), '') END",
                    String.class);
            if (shape != null && !shape.equals(SCHEMA_VERSION)) {
                sql.execute("DROP TABLE IF EXISTS search_documents, search_words");
            }
            for (String statement : SCHEMA.split(";")) {
                if (!statement.isBlank()) {
                    sql.execute(statement);
                }
            }
            sql.execute("COMMENT ON TABLE search_documents IS '" + SCHEMA_VERSION + "'");
            return null;
        });
    }

    private static void filter(StringBuilder where, MapSqlParameterSource params, String column, String name,
            String value) {
        if (value != null) {
            where.append(" AND d.").append(column).append(" = :").append(name);
            params.addValue(name, SearchText.key(value));
        }
    }

    private MapSqlParameterSource parameters(SearchDocument document) {
        String title = SearchText.normalized(document.title());
        String artist = SearchText.normalized(document.artist());
        String album = SearchText.normalized(document.album());
        String rest = SearchText.normalized(String.join(" ", document.tags()) + " " + nullToEmpty(document.genre())
                + " " + nullToEmpty(document.body()));
        return new MapSqlParameterSource().addValue("id", document.id()).addValue("kind", document.kind().name())
                .addValue("owner", document.ownerId()).addValue("listed", document.listed())
                .addValue("title", document.title()).addValue("artistKey", SearchText.key(document.artist()))
                .addValue("albumKey", SearchText.key(document.album()))
                .addValue("genreKey", SearchText.key(document.genre()))
                .addValue("tagKeys", String.join(TAG_SEPARATOR, document.tags().stream().map(SearchText::key).toList()))
                .addValue("year", document.year())
                .addValue("words", String.join(" ", title, artist, album, rest).strip())
                .addValue("titleText", title).addValue("artistText", artist).addValue("albumText", album)
                .addValue("restText", rest);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private interface Call<T> {
        T run();
    }

    /**
     * The engine's failures (its tables gone, the database unreachable) as
     * {@link SearchUnavailableException}; anything else (a query it could not run) stays what it
     * is, so that one odd query does not set the engine aside for everyone.
     */
    private static <T> T guard(Call<T> call) {
        try {
            return call.run();
        }
        catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException e) {
            throw new SearchUnavailableException("search database unavailable", e);
        }
        catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException sql && UNDEFINED_TABLE.equals(sql.getSQLState())) {
                throw new SearchUnavailableException("search table unavailable", e);
            }
            throw e;
        }
    }
}
