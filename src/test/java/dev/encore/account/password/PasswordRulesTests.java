package dev.encore.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTests {

    private final PasswordRules rules = new PasswordRules();

    @Test
    void acceptsAStrongPassword() {
        assertThat(rules.violations("Correct-Horse-42", "alice")).isEmpty();
    }

    @Test
    void namesEveryBrokenRule() {
        assertThat(rules.violations("abc", "bob")).containsExactlyInAnyOrder("must be 8 to 128 characters long",
                "must contain an upper-case letter", "must contain a digit");
        assertThat(rules.violations("A1" + "a".repeat(127), "bob")).containsExactly("must be 8 to 128 characters long");
    }

    @Test
    void refusesCommonPasswordsIgnoringCase() {
        assertThat(rules.violations("Password1", "bob")).contains("is too common");
        assertThat(rules.violations("Iloveyou1", "bob")).contains("is too common");
    }

    @Test
    void refusesTheUsernameInsideThePasswordIgnoringCase() {
        assertThat(rules.violations("xxDJ_Shadow99", "dj_shadow")).contains("must not contain the username");
    }

    @Test
    void countsTheLengthInCodePointsOfTheNormalForm() {
        String note = "\uD83C\uDFB5"; // one character, two UTF-16 units
        assertThat(rules.violations("Aa1" + note.repeat(4), "bob")).as("7 characters, 11 units")
                .containsExactly("must be 8 to 128 characters long");
        assertThat(rules.violations("Aa1" + note.repeat(5), "bob")).isEmpty();
        assertThat(rules.violations("Aa1" + note.repeat(125), "bob")).as("128 characters, 253 units").isEmpty();
        assertThat(rules.violations("Aa1" + "e\u0301".repeat(4), "bob")).as("é typed as e and an accent: 7 in NFC")
                .containsExactly("must be 8 to 128 characters long");
        assertThat(rules.violations("Aa1" + "e\u0301".repeat(125), "bob")).as("250 code points as typed, 128 in NFC")
                .isEmpty();
    }
}
