package dev.encore.library.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The database's accent folding (a TRANSLATE table) agrees with the engines' (the terms). */
class SearchTextTests {

    @Test
    void theTranslateTableFoldsAsTheTermsDo() {
        assertThat(SearchText.FOLD_FROM).hasSameSizeAs(SearchText.FOLD_TO).contains("é", "É", "ü", "Ñ", "ç", "Ø");
        for (String title : new String[] { "Beyoncé", "BEYONCÉ", "Sigur Rós", "Motörhead", "Ñandú", "Øresund",
                "Dvořák", "Ærø" }) {
            assertThat(String.join(" ", SearchText.terms(title)))
                    .as(title).isEqualTo(translate(title).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ")
                            .strip());
        }
        assertThat(translate("Beyoncé").toLowerCase(Locale.ROOT)).contains("beyonce");
    }

    /** What SQL's TRANSLATE(text, FOLD_FROM, FOLD_TO) makes of {@code text}. */
    private static String translate(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> {
            int at = SearchText.FOLD_FROM.indexOf(c);
            out.append(at < 0 ? (char) c : SearchText.FOLD_TO.charAt(at));
        });
        return out.toString();
    }
}
