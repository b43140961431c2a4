package dev.encore.account.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Emoji sequences stay whole; the same invisible characters anywhere else are refused. */
class NoHiddenCharactersTests {

    private static boolean valid(String text) {
        return new NoHiddenCharacters.Check().isValid(text, null);
    }

    @Test
    void emojiJoinedByTheJoinerPass() {
        assertThat(valid("DJ \uD83D\uDC69\u200D\uD83C\uDFA4")).as("woman singer").isTrue();
        assertThat(valid("\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 pride")).as("rainbow flag, U+FE0F before the joiner").isTrue();
        assertThat(valid("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66")).as("family of four").isTrue();
        assertThat(valid("\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB")).as("technologist with a skin tone").isTrue();
    }

    @Test
    void theJoinerAnywhereElseIsRefused() {
        assertThat(valid("DJ\u200DShadow")).as("between letters").isFalse();
        assertThat(valid("\uD83D\uDC69\u200D")).as("at the end").isFalse();
        assertThat(valid("\u200D\uD83C\uDFA4")).as("at the start").isFalse();
        assertThat(valid("\uD83D\uDC69\u200Da")).as("before a letter").isFalse();
        assertThat(valid("a\u200D\uD83C\uDFA4")).as("after a letter").isFalse();
        assertThat(valid("\uD83D\uDC69\u200D\u200D\uD83C\uDFA4")).as("two joiners").isFalse();
        assertThat(valid("\uD83D\uDC69\uFE0F\u200B\uD83C\uDFA4")).as("a zero-width space").isFalse();
    }

    @Test
    void subdivisionFlagsPassButStrayTagsAreRefused() {
        String scotland = "\uD83C\uDFF4" + tags("gbsct") + Character.toString(0xE007F);
        assertThat(valid("Glasgow " + scotland)).isTrue();
        assertThat(valid("alice" + tags("x") + Character.toString(0xE007F))).as("tags after a letter").isFalse();
        assertThat(valid("\uD83C\uDFF4" + tags("gbsct"))).as("no cancel tag").isFalse();
        assertThat(valid("\uD83C\uDFF4" + Character.toString(0xE007F))).as("a cancel tag alone").isFalse();
        assertThat(valid(scotland + tags("hidden"))).as("tags after the flag's end").isFalse();
    }

    private static String tags(String ascii) {
        StringBuilder tags = new StringBuilder();
        ascii.codePoints().forEach(cp -> tags.appendCodePoint(0xE0000 + cp));
        return tags.toString();
    }
}
