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
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * The same folding as a character table for SQL's {@code TRANSLATE(text, FOLD_FROM, FOLD_TO)}
     * (H2 and PostgreSQL alike), for the database search: every Latin letter with a diacritic, and
     * every capital, that folds to one other letter ({@code É} and {@code é} to {@code e}).
     */
    public static final String FOLD_FROM;
    /** What each character of {@link #FOLD_FROM} becomes. */
    public static final String FOLD_TO;

    static {
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (char letter = '\u00C0'; letter <= '\u024F'; letter++) {
            String folded = fold(String.valueOf(letter));
            if (Character.isLetter(letter) && folded.length() == 1 && folded.charAt(0) != letter) {
                from.append(letter);
                to.append(folded);
            }
        }
        FOLD_FROM = from.toString();
        FOLD_TO = to.toString();
    }

    private SearchText() {
    }

    public static List<String> terms(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(fold(text))).filter(term -> !term.isEmpty()).toList();
    }

    private static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
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
