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
}
