package dev.encore.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernameCandidatesTests {

    @Test
    void prefersThePreferredUsernameThenTheEmailsLocalPartThenTheName() {
        assertThat(UsernameCandidates.base("alice", "bob@example.org", "Carol")).isEqualTo("alice");
        assertThat(UsernameCandidates.base(null, "bob.smith@example.org", "Carol")).isEqualTo("bob_smith");
        assertThat(UsernameCandidates.base(" ", null, "Carol Danvers")).isEqualTo("Carol_Danvers");
        assertThat(UsernameCandidates.base(null, null, null)).isEqualTo("user");
    }

    @Test
    void makesAnyClaimFitTheUsernameRule() {
        assertThat(UsernameCandidates.base("José Müller", null, null)).isEqualTo("Jose_Muller");
        assertThat(UsernameCandidates.base("../../etc/passwd", null, null)).isEqualTo("etc_passwd");
        assertThat(UsernameCandidates.base("<script>alert(1)</script>", null, null)).isEqualTo("script_alert_1_script");
        assertThat(UsernameCandidates.base("日本", "ab@x", "李")).as("nothing usable left").isEqualTo("user");
        String longest = UsernameCandidates.base("a".repeat(200), null, null);
        assertThat(longest).hasSize(43);
        assertThat(UsernameCandidates.of(longest, 1, () -> "abcdef")).allMatch(name -> name.matches("[A-Za-z0-9_]{3,50}"));
    }

    @Test
    void numbersThenRandomSuffixesFollowATakenName() {
        assertThat(UsernameCandidates.of("bob", 2, () -> "x1y2z3")).containsExactly("bob", "bob_2", "bob_3", "bob_4",
                "bob_5", "bob_6", "bob_7", "bob_8", "bob_9", "bob_x1y2z3", "bob_x1y2z3");
    }
}
