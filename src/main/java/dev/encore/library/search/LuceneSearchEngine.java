package dev.encore.library.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded engine: one Lucene index under {@code ${encore.data-dir}/index/library}. Every
 * change is committed before the call returns (the event that caused it is then marked done), and
 * searches see it at once. A missing, deleted or corrupt index makes every call fail with
 * {@link SearchUnavailableException} until {@link #rebuild} recreates it.
 */
class LuceneSearchEngine implements SearchEngine, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);

    /** Text fields and their weights: a match in the title counts most. */
    private static final Map<String, Float> FIELDS = Map.of("title", 3f, "artist", 2f, "album", 1.5f, "tags", 1f,
            "genre", 0.5f);
    /** Longer text (slides) matched with less weight than any other field. */
    private static final String BODY = "body";
    private static final float BODY_WEIGHT = 0.4f;
    /** Few enough that eight words over five fields stay under Lucene's 1024 clauses. */
    private static final int FUZZY_EXPANSIONS = 20;
    /**
     * Each text field's words are indexed a second time as their beginnings (edge n-grams, in
     * {@code <field>_prefix}), up to this many letters: a prefix is then one term to look up, not
     * an expansion over every word it begins, whose cost grew with the library (at a million
     * tracks a three-letter prefix begins thousands of words held by hundreds of thousands of
     * tracks). Longer prefixes, rare, are expanded as before.
     */
    static final int MAX_PREFIX = 15;
    private static final String PREFIX_SUFFIX = "_prefix";
    /** Stored with every commit; an index written by an Encore without prefix fields is rebuilt. */
    private static final String FORMAT_KEY = "encore.format";
    private static final String FORMAT = "2";
    /** Prefix fields only say which documents hold a word's beginning: no frequencies, positions or norms. */
    private static final FieldType PREFIXES = new FieldType();

    static {
        PREFIXES.setIndexOptions(IndexOptions.DOCS);
        PREFIXES.setOmitNorms(true);
        PREFIXES.setTokenized(true);
        PREFIXES.freeze();
    }

    private final Path path;
    /** Writes share it; a rebuild takes it alone so that no change lands in an index being replaced. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile Index index;

    public LuceneSearchEngine(Path path) {
        this.path = path;
        this.index = openOrCreate();
    }

    @Override
    public String name() {
        return "lucene";
    }

    @Override
    public void upsert(SearchDocument document) {
        write(current -> current.writer.updateDocument(new Term("id", document.id().toString()), toLucene(document)));
    }

    @Override
    public void delete(UUID id) {
        write(current -> current.writer.deleteDocuments(new Term("id", id.toString())));
    }

    @Override
    public SearchHits search(SearchQuery query) {
        Index current = usable();
        try {
            IndexSearcher searcher = current.searchers.acquire();
            try {
                TopDocs top = searcher.search(toLucene(query, searcher.getIndexReader()), Math.max(1, query.offset() + query.limit()));
                List<SearchHits.Hit> hits = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = query.offset(); i < docs.length; i++) {
                    Document stored = searcher.storedFields().document(docs[i].doc);
                    hits.add(new SearchHits.Hit(UUID.fromString(stored.get("id")),
                            SearchKind.valueOf(stored.get("kind")), docs[i].score));
                }
                return new SearchHits(top.totalHits.value(), hits);
            }
            finally {
                current.searchers.release(searcher);
            }
        }
        catch (IOException | AlreadyClosedException e) {
            throw unavailable(e);
        }
    }

    @Override
    public long count() {
        Index current = usable();
        try {
            IndexSearcher searcher = current.searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            }
            finally {
                current.searchers.release(searcher);
            }
        }
        catch (IOException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void rebuild(Stream<SearchDocument> documents) {
        lock.writeLock().lock();
        try {
            Index current = index;
            if (!isUsable(current)) {
                log.warn("Search index at {} is missing or broken; recreating it", path);
                current.closeQuietly();
                FileSystemUtils.deleteRecursively(path); // whatever is left of it
                current = create();
                index = current;
            }
            IndexWriter writer = current.writer;
            writer.deleteAll();
            // readers keep the old commit until this one lands: searches never see a half-built index
            documents.forEach(document -> {
                try {
                    writer.addDocument(toLucene(document));
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.commit();
            current.searchers.maybeRefreshBlocking();
        }
        catch (IOException | RuntimeException e) {
            // nothing half-built may be committed by a later change: the writer goes, the index is
            // then unusable and the next rebuild recreates it
            index.closeQuietly();
            throw unavailable(e);
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            index.closeQuietly();
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    private interface Change {
        void apply(Index index) throws IOException;
    }

    private void write(Change change) {
        lock.readLock().lock();
        try {
            Index current = usable();
            change.apply(current);
            current.writer.commit();
            current.searchers.maybeRefreshBlocking();
        }
        catch (IOException | RuntimeException e) {
            throw unavailable(e);
        }
        finally {
            lock.readLock().unlock();
        }
    }

    private Index usable() {
        Index current = index;
        if (!isUsable(current)) {
            throw new SearchUnavailableException("search index missing or broken", null);
        }
        return current;
    }

    /** Open, not failed, and its last commit still on disk (someone may have deleted the directory). */
    private boolean isUsable(Index current) {
        try {
            return current.writer != null && current.writer.isOpen() && current.writer.getTragicException() == null
                    && Files.isDirectory(path)
                    && SegmentInfos.getLastCommitSegmentsFileName(current.directory.listAll()) != null;
        }
        catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The index on disk, or a new empty one when there is none or it cannot be opened (then rebuilt). */
    private Index openOrCreate() {
        try {
            Files.createDirectories(path);
            return open(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        }
        catch (IOException | RuntimeException e) {
            log.warn("Search index at {} cannot be opened ({}); starting an empty one", path, e.toString());
            try {
                FileSystemUtils.deleteRecursively(path);
                return create();
            }
            catch (IOException again) {
                log.error("Search index at {} cannot be created; search answers from the database", path, again);
                return Index.BROKEN;
            }
        }
    }

    private Index create() throws IOException {
        Files.createDirectories(path);
        return open(IndexWriterConfig.OpenMode.CREATE);
    }

    private Index open(IndexWriterConfig.OpenMode mode) throws IOException {
        Directory directory = FSDirectory.open(path);
        boolean existed = mode != IndexWriterConfig.OpenMode.CREATE && DirectoryReader.indexExists(directory);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer()).setOpenMode(mode));
        if (existed && !FORMAT.equals(format(writer))) {
            // written by an older Encore (no prefix fields): emptied here, then the start-up check
            // finds it short of the library and rebuilds it
            log.info("Search index at {} has an older format; it is rebuilt", path);
            writer.deleteAll();
        }
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
        writer.commit(); // an empty index has a commit point too
        return new Index(directory, writer, new SearcherManager(writer, null));
    }

    private static String format(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().equals(FORMAT_KEY)) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    /** Words split at spaces (the text is normalised before); prefix fields add the words' beginnings. */
    private static Analyzer analyzer() {
        Analyzer prefixes = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer words = new WhitespaceTokenizer();
                return new TokenStreamComponents(words, new EdgeNGramTokenFilter(words, 1, MAX_PREFIX, true));
            }
        };
        Map<String, Analyzer> perField = new java.util.HashMap<>();
        FIELDS.keySet().forEach(field -> perField.put(field + PREFIX_SUFFIX, prefixes));
        return new PerFieldAnalyzerWrapper(new WhitespaceAnalyzer(), perField);
    }

    private SearchUnavailableException unavailable(Exception e) {
        return e instanceof SearchUnavailableException unavailable ? unavailable
                : new SearchUnavailableException("search index failed: " + e, e);
    }

    private static Document toLucene(SearchDocument document) {
        Document doc = new Document();
        doc.add(new StringField("id", document.id().toString(), Field.Store.YES));
        doc.add(new StoredField("kind", document.kind().name()));
        doc.add(new StringField("kind_key", document.kind().name(), Field.Store.NO));
        doc.add(new StringField("owner", document.ownerId().toString(), Field.Store.NO));
        doc.add(new StringField("listed", document.listed() ? "1" : "0", Field.Store.NO));
        text(doc, "title", document.title());
        text(doc, "artist", document.artist());
        text(doc, "album", document.album());
        text(doc, "genre", document.genre());
        text(doc, "tags", String.join(" ", document.tags()));
        text(doc, BODY, document.body());
        key(doc, "artist_key", document.artist());
        key(doc, "album_key", document.album());
        key(doc, "genre_key", document.genre());
        document.tags().forEach(tag -> key(doc, "tag_key", tag));
        if (document.year() != null) {
            doc.add(new IntPoint("year", document.year()));
        }
        return doc;
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            String normalized = SearchText.normalized(value);
            doc.add(new TextField(field, normalized, Field.Store.NO));
            if (FIELDS.containsKey(field)) {
                doc.add(new Field(field + PREFIX_SUFFIX, normalized, PREFIXES));
            }
        }
    }

    private static void key(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(field, SearchText.key(value), Field.Store.NO));
        }
    }

    private static Query toLucene(SearchQuery query, IndexReader reader) throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        List<String> terms = query.terms();
        for (int i = 0; i < terms.size(); i++) {
            all.add(matchTerm(terms.get(i), i == terms.size() - 1, reader), Occur.MUST);
        }
        BooleanQuery.Builder kinds = new BooleanQuery.Builder();
        query.kinds().forEach(kind -> kinds.add(new TermQuery(new Term("kind_key", kind.name())), Occur.SHOULD));
        all.add(kinds.build(), Occur.FILTER);
        if (!query.admin()) {
            all.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("listed", "1")), Occur.SHOULD)
                    .add(new TermQuery(new Term("owner", query.viewerId().toString())), Occur.SHOULD).build(),
                    Occur.FILTER);
        }
        SearchQuery.Filters filters = query.filters();
        filter(all, "artist_key", filters.artist());
        filter(all, "album_key", filters.album());
        filter(all, "genre_key", filters.genre());
        filter(all, "tag_key", filters.tag());
        if (filters.yearFrom() != null || filters.yearTo() != null) {
            all.add(IntPoint.newRangeQuery("year", filters.yearFrom() == null ? Integer.MIN_VALUE : filters.yearFrom(),
                    filters.yearTo() == null ? Integer.MAX_VALUE : filters.yearTo()), Occur.FILTER);
        }
        return all.build();
    }

    private static void filter(BooleanQuery.Builder all, String field, String value) {
        if (value != null) {
            all.add(new TermQuery(new Term(field, SearchText.key(value))), Occur.FILTER);
        }
    }

    /**
     * One query word: exact matches rank first, then words it begins (search as you type), then
     * words within {@link SearchText#maxEdits} (typos).
     */
    private static Query matchTerm(String term, boolean last, IndexReader reader) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int length = term.codePointCount(0, term.length());
        int edits = SearchText.maxEdits(term);
        Corrections corrections = edits > 0 ? new Corrections(term, edits) : null;
        for (Map.Entry<String, Float> entry : FIELDS.entrySet()) {
            String field = entry.getKey();
            float weight = entry.getValue();
            any.add(new BoostQuery(new TermQuery(new Term(field, term)), weight * 4), Occur.SHOULD);
            if (last || length >= 3) {
                any.add(new BoostQuery(prefix(field, term, length), weight * 2), Occur.SHOULD);
            }
            if (corrections != null) {
                // each word within reach scores by its closeness alone (below any exact match)
                BooleanQuery.Builder near = new BooleanQuery.Builder();
                for (Corrections.Correction correction : corrections.in(reader, field, FUZZY_EXPANSIONS)) {
                    near.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field,
                            correction.word()))), correction.similarity()), Occur.SHOULD);
                }
                any.add(new BoostQuery(near.build(), weight), Occur.SHOULD);
            }
        }
        // slide text: exact words and prefixes only (typo expansion over long texts is noise, and its
        // clauses would pass Lucene's limit)
        any.add(new BoostQuery(new TermQuery(new Term(BODY, term)), BODY_WEIGHT * 4), Occur.SHOULD);
        if (last || length >= 3) {
            any.add(new BoostQuery(new PrefixQuery(new Term(BODY, term)), BODY_WEIGHT * 2), Occur.SHOULD);
        }
        return any.build();
    }

    /**
     * Documents with a word beginning with {@code term}, all scoring alike (as a prefix query does):
     * one term of the prefix field, or for a prefix longer than those the expansion.
     */
    private static Query prefix(String field, String term, int length) {
        return length <= MAX_PREFIX ? new ConstantScoreQuery(new TermQuery(new Term(field + PREFIX_SUFFIX, term)))
                : new PrefixQuery(new Term(field, term));
    }

    /** One open index: its directory, writer and near-real-time searchers. */
    private record Index(Directory directory, IndexWriter writer, SearcherManager searchers) {

        static final Index BROKEN = new Index(null, null, null);

        void closeQuietly() {
            try {
                if (searchers != null) {
                    searchers.close();
                }
                if (writer != null) {
                    writer.rollback();
                }
                if (directory != null) {
                    directory.close();
                }
            }
            catch (IOException | RuntimeException e) {
                log.debug("closing the search index: {}", e.toString());
            }
        }
    }
}
