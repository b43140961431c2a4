package dev.encore.library.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way text is cut into search terms, for documents and queries alike and in every engine:
 * accents folded ({@code Beyoncé} finds {@code beyonce}), lower case, split at anything that is
 * not a letter or digit.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    public static List<String> terms(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(SEPARATORS.split(folded)).filter(term -> !term.isEmpty()).toList();
    }

    /** The terms joined by spaces: what engines index. */
    public static String normalized(String text) {
        return String.join(" ", terms(text));
    }

    /** A whole value for exact, case-insensitive filters. */
    public static String key(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * How many typos a query word forgives: none under four letters (one edit is already another
     * word), one up to seven, two from eight.
     */
    public static int maxEdits(String term) {
        int length = term.codePointCount(0, term.length());
        return length >= 8 ? 2 : length >= 4 ? 1 : 0;
    }
}
