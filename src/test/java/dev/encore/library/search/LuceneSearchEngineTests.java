package dev.encore.library.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Prefixes answered from the prefix fields find what a prefix expansion finds; old indexes are rebuilt. */
@ExtendWith(OutputCaptureExtension.class)
class LuceneSearchEngineTests {

    private static final UUID OWNER = UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void everyBeginningOfAWordFindsItAndRanksTheTitleFirst() {
        String word = "supercalifragilisticexpialidocious"; // longer than the prefix fields hold
        try (LuceneSearchEngine engine = new LuceneSearchEngine(dir.resolve("index"))) {
            UUID inTitle = UUID.randomUUID();
            UUID inAlbum = UUID.randomUUID();
            engine.upsert(track(inTitle, "Chim Chim " + word, "Dick Van Dyke", "Mary Poppins"));
            engine.upsert(track(inAlbum, "Overture", "Orchestra", word + " Songs"));
            engine.upsert(track(UUID.randomUUID(), "Other", "Someone", "Nothing Alike"));
            for (int length = 2; length <= word.length(); length++) { // "s" begins "Someone" too
                assertThat(ids(engine.search(query(word.substring(0, length))))).as(word.substring(0, length))
                        .containsExactly(inTitle, inAlbum);
            }
            assertThat(ids(engine.search(query("su chim")))).as("a word before the last is a prefix from three "
                    + "letters on").isEmpty();
            assertThat(ids(engine.search(query("sup chim")))).containsExactly(inTitle);
            assertThat(ids(engine.search(query("chi sup")))).containsExactly(inTitle);
            assertThat(ids(engine.search(query("poppin")))).containsExactly(inTitle);
        }
    }

    @Test
    void typosAreForgivenAndTheExactWordRanksFirst() {
        try (LuceneSearchEngine engine = new LuceneSearchEngine(dir.resolve("index"))) {
            UUID exact = UUID.randomUUID();
            UUID oneOff = UUID.randomUUID();
            UUID twoOff = UUID.randomUUID();
            engine.upsert(track(exact, "Nocturnes", "Chopin", null));
            engine.upsert(track(oneOff, "Nocturnas", "Someone", null));
            engine.upsert(track(twoOff, "Nocutrnas Live", "Band", null)); // a swap counts as one edit
            engine.upsert(track(UUID.randomUUID(), "Mazurkas", "Chopin", null));
            assertThat(ids(engine.search(query("nocturnes")))).containsExactly(exact, oneOff, twoOff);
            assertThat(ids(engine.search(query("nocturnez")))).as("one typo, two").containsExactly(exact, oneOff);
            assertThat(ids(engine.search(query("chopim")))).as("in another field").hasSize(2);
            assertThat(ids(engine.search(query("xocturnes")))).as("the first letter must match").isEmpty();
        }
        assertThat(Corrections.distance("nocturnes", "nocutrnes")).isOne();
        assertThat(Corrections.distance("nocturnes", "nocturnas")).isOne();
        assertThat(Corrections.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void aNewIndexIsNotTakenForAnOldOne(CapturedOutput output) {
        try (LuceneSearchEngine engine = new LuceneSearchEngine(dir.resolve("fresh"))) {
            engine.upsert(track(UUID.randomUUID(), "First", "Artist", null));
        }
        try (LuceneSearchEngine engine = new LuceneSearchEngine(dir.resolve("fresh"))) {
            assertThat(engine.count()).isOne();
        }
        assertThat(output).as("a fresh data directory's first start").doesNotContain("older format");
    }

    @Test
    void anIndexWithoutPrefixFieldsIsEmptiedForTheRebuild(CapturedOutput output) throws Exception {
        Path path = dir.resolve("old");
        try (FSDirectory directory = FSDirectory.open(path);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            Document old = new Document();
            old.add(new StringField("id", UUID.randomUUID().toString(), Field.Store.YES));
            writer.addDocument(old);
            writer.commit();
        }
        try (LuceneSearchEngine engine = new LuceneSearchEngine(path)) {
            assertThat(engine.count()).as("the start-up check finds it short of the library").isZero();
            assertThat(output).contains("older format");
            engine.upsert(track(UUID.randomUUID(), "Kept", "Artist", null));
        }
        try (LuceneSearchEngine engine = new LuceneSearchEngine(path)) {
            assertThat(engine.count()).as("a current index is kept").isOne();
        }
    }

    private static SearchDocument track(UUID id, String title, String artist, String album) {
        return new SearchDocument(id, SearchKind.TRACK, OWNER, true, title, artist, album, null, List.of(), 2000,
                null);
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(SearchText.terms(text), text, EnumSet.allOf(SearchKind.class), OWNER, false,
                SearchQuery.Filters.NONE, 0, 20);
    }

    private static List<UUID> ids(SearchHits hits) {
        return hits.hits().stream().map(SearchHits.Hit::id).toList();
    }
}
