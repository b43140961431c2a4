package dev.encore.library.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * The indexed words within a query word's edit distance, for the Lucene engine: what a
 * {@link FuzzyQuery} per field expands to, with the Levenshtein automaton built once per query word
 * instead of once per field (a profile at a million tracks had 44% of a search's CPU in building
 * the same automata five times over, for every field, for every distance up to the allowed one).
 */
final class Corrections {

    private final String term;
    private final CompiledAutomaton automaton;

    /**
     * @param term  the query word
     * @param edits typos forgiven (one or two); the first letter must match, transpositions count as one
     */
    Corrections(String term, int edits) {
        this.term = term;
        this.automaton = FuzzyQuery.getFuzzyAutomaton(term, edits, 1, true);
    }

    /** A word of the field and how close it is: 1 for the word itself, less for each edit. */
    record Correction(BytesRef word, float similarity) {
    }

    /** At most {@code limit} words of {@code field}, closest first, then the most frequent. */
    List<Correction> in(IndexReader reader, String field, int limit) throws IOException {
        Map<BytesRef, Integer> frequencies = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum words = automaton.getTermsEnum(terms);
            for (BytesRef word = words.next(); word != null; word = words.next()) {
                frequencies.merge(BytesRef.deepCopyOf(word), words.docFreq(), Integer::sum);
            }
        }
        List<Correction> found = new ArrayList<>(frequencies.size());
        frequencies.forEach((word, frequency) -> found.add(new Correction(word, similarity(word.utf8ToString()))));
        found.sort(Comparator.comparing(Correction::similarity).reversed()
                .thenComparing(correction -> -frequencies.get(correction.word())));
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /** As {@link FuzzyQuery} weighs a match: one less the edits per letter of the shorter word. */
    private float similarity(String word) {
        int edits = distance(term, word);
        return 1f - (float) edits / Math.min(term.codePointCount(0, term.length()),
                word.codePointCount(0, word.length()));
    }

    /** Edits between two words, a swap of neighbours counting as one (optimal string alignment). */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[][] d = new int[x.length + 1][y.length + 1];
        for (int i = 0; i <= x.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length][y.length];
    }
}
