package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What free text may hold, checked as a request's field and as text checked by hand. */
class PlainTextTests {

    private static boolean valid(String text, boolean multiline) {
        PlainText.Check check = new PlainText.Check();
        check.initialize(annotation(multiline));
        return check.isValid(text, null);
    }

    @Test
    void controlCharactersAreRefusedAndLineBreaksOnlyInMultilineText() {
        assertThat(valid("Blue in Green", false)).isTrue();
        assertThat(valid(null, false)).isTrue();
        assertThat(valid("a\u001b[31m", false)).isFalse();
        assertThat(valid("a\u0085b", true)).isFalse();
        assertThat(valid("one\r\ntwo\tthree", false)).isFalse();
        assertThat(valid("one\r\ntwo\tthree", true)).isTrue();
        assertThat(valid("nul\0", false)).as("NUL is left to the rule for every request").isTrue();
        assertThat(PlainText.Check.isPlain("nul\0", true)).as("but refused when checked by hand").isFalse();
    }

    @Test
    void bidirectionalOverridesAndIsolatesAreRefusedButMarksAndJoinersPass() {
        for (int cp : new int[] { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069 }) {
            String text = "invoice" + Character.toString(cp) + "gpj.exe";
            assertThat(valid(text, false)).as("U+%04X", cp).isFalse();
            assertThat(valid(text, true)).as("U+%04X multiline", cp).isFalse();
            assertThat(PlainText.Check.isPlain(text, true)).as("U+%04X by hand", cp).isFalse();
        }
        assertThat(valid("\u05E9\u05DC\u05D5\u05DD\u200F (live)", false)).as("right-to-left mark").isTrue();
        assertThat(valid("\u200E2024", false)).as("left-to-right mark").isTrue();
        assertThat(valid("\uD83D\uDC69\u200D\uD83C\uDFA4", false)).as("an emoji joined with ZWJ").isTrue();
    }

    @Test
    void loneSurrogatesAreRefusedButPairsPass() {
        for (String text : new String[] { "\uD800", "a\uDC00b", "\uDE00\uD83D" }) {
            assertThat(valid(text, false)).as(text.codePoints().boxed().toList().toString()).isFalse();
            assertThat(valid(text, true)).isFalse();
            assertThat(PlainText.Check.isPlain(text, true)).isFalse();
        }
        assertThat(valid("\uD83D\uDE00".repeat(51), false)).as("51 emoji").isTrue();
        assertThat(valid("\uD834\uDD1E", false)).as("U+1D11E, whose low 16 bits are no surrogate").isTrue();
    }

    @Test
    void textFromElsewhereIsCleanedNotRefused() {
        assertThat(PlainText.Check.cleaned(" Title\r\n\tPart 2 ")).isEqualTo("Title Part 2");
        assertThat(PlainText.Check.cleaned("invoice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
        assertThat(PlainText.Check.cleaned("\u2066\u2069 \u0007")).isNull();
        assertThat(PlainText.Check.cleaned(null)).isNull();
    }

    private static PlainText annotation(boolean multiline) {
        return new PlainText() {
            @Override
            public boolean multiline() {
                return multiline;
            }

            @Override
            public String message() {
                return "";
            }

            @Override
            public Class<?>[] groups() {
                return new Class<?>[0];
            }

            @SuppressWarnings("unchecked")
            @Override
            public Class<? extends jakarta.validation.Payload>[] payload() {
                return new Class[0];
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return PlainText.class;
            }
        };
    }
}
