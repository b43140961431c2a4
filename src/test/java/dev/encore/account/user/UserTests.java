package dev.encore.account.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class UserTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** A count of enabled admins the rule must not need: the change removes no enabled admin. */
    private static final LongSupplier NOT_ASKED = () -> {
        throw new AssertionError("counted the enabled admins for a change that removes none");
    };

    @Test
    void aNewAccountIsAnEnabledUserWithoutTwoFactor() {
        User user = user(false);
        assertThat(user.id()).isNotNull();
        assertThat(user.isEnabled()).isTrue();
        assertThat(user.roles()).containsExactly("USER");
        assertThat(user.isMfaEnabled()).isFalse();
        assertThat(user.mfaSecret()).isNull();
        assertThat(user.createdAt()).isEqualTo(NOW);
        assertThat(user(true).roles()).containsExactly("USER", "ADMIN");
    }

    @Test
    void keepsTheUsernameAsTypedButComparesItIgnoringCase() {
        User user = new User("DJ_Shadow", "dj@example.org", null, "{noop}x", false, NOW);
        assertThat(user.username()).isEqualTo("DJ_Shadow");
        assertThat(User.key("DJ_Shadow")).isEqualTo(User.key("dj_shadow")).isEqualTo("dj_shadow");
    }

    @Test
    void aBlankEmailNeverReplacesTheAddress() {
        User user = new User("dj", "dj@example.org", null, "{noop}x", false, NOW);
        assertThatThrownBy(() -> user.updateProfile(null, " ", NOW)).isInstanceOf(ErrorResponseException.class)
                .satisfies(ex -> assertThat(((ErrorResponseException) ex).getStatusCode().value()).isEqualTo(400));
        assertThat(user.email()).isEqualTo("dj@example.org");
    }

    @Test
    void foldsCaseTheSameWayWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr")); // where "I".toLowerCase() is a dotless ı
            assertThat(User.key("ILIKEMUSIC")).isEqualTo("ilikemusic");
            assertThat(User.normalizeEmail("INFO@EXAMPLE.ORG")).isEqualTo("info@example.org");
        }
        finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void storesEmailsTrimmedAndLowerCase() {
        User user = new User("dj", "  DJ@Example.ORG ", null, "{noop}x", false, NOW);
        assertThat(user.email()).isEqualTo("dj@example.org");
        user.updateProfile(null, " New@Example.org", NOW);
        assertThat(user.email()).isEqualTo("new@example.org");
    }

    @Test
    void aProfileChangeLeavesWhatItDoesNotNameAndABlankDisplayNameRemovesIt() {
        User user = new User("dj", "dj@example.org", "DJ", "{noop}x", false, NOW);
        user.updateProfile(null, null, NOW);
        assertThat(user.displayName()).isEqualTo("DJ");
        assertThat(user.email()).isEqualTo("dj@example.org");
        user.updateProfile("DJ Shadow", null, NOW);
        assertThat(user.displayName()).isEqualTo("DJ Shadow");
        user.updateProfile("  ", null, NOW);
        assertThat(user.displayName()).isNull();
    }

    @Test
    void disablesAndEnablesWithoutTouchingTheRole() {
        User user = user(false);
        user.changeStanding(false, null, NOT_ASKED, NOW);
        assertThat(user.isEnabled()).isFalse();
        assertThat(user.roles()).containsExactly("USER");
        user.changeStanding(true, null, NOT_ASKED, NOW);
        assertThat(user.isEnabled()).isTrue();
    }

    @Test
    void grantsAndRevokesTheAdminRole() {
        User user = user(false);
        user.changeStanding(null, true, NOT_ASKED, NOW);
        assertThat(user.isAdmin()).isTrue();
        assertThat(user.roles()).containsExactly("USER", "ADMIN");
        user.changeStanding(null, false, () -> 2, NOW);
        assertThat(user.isAdmin()).isFalse();
        assertThat(user.isEnabled()).isTrue();
    }

    @Test
    void nullChangesNothing() {
        User admin = user(true);
        admin.changeStanding(null, null, NOT_ASKED, NOW);
        assertThat(admin.isEnabled()).isTrue();
        assertThat(admin.isAdmin()).isTrue();
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
        User admin = user(true);
        assertConflict(() -> admin.changeStanding(false, null, () -> 1, NOW), "last-admin");
        assertConflict(() -> admin.changeStanding(null, false, () -> 1, NOW), "last-admin");
        assertConflict(() -> admin.changeStanding(true, false, () -> 1, NOW), "last-admin");
        assertThat(admin.isEnabled()).as("nothing changed").isTrue();
        assertThat(admin.isAdmin()).isTrue();
    }

    @Test
    void anAdminCanBeDisabledOrDemotedWhileAnotherEnabledAdminRemains() {
        User admin = user(true);
        admin.changeStanding(false, false, () -> 2, NOW);
        assertThat(admin.isEnabled()).isFalse();
        assertThat(admin.isAdmin()).isFalse();
    }

    @Test
    void changesThatRemoveNoEnabledAdminDoNotCountAdmins() {
        User admin = user(true);
        admin.changeStanding(true, true, NOT_ASKED, NOW);
        admin.changeStanding(false, null, () -> 2, NOW);
        admin.changeStanding(null, false, NOT_ASKED, NOW); // a disabled admin is no enabled admin
        assertThat(admin.isAdmin()).isFalse();
    }

    @Test
    void twoFactorStartsOffAndTurnsOnOnlyWhenConfirmed() {
        User user = user(false);
        user.startMfa("v1:sealed", NOW);
        assertThat(user.mfaSecret()).isEqualTo("v1:sealed");
        assertThat(user.isMfaEnabled()).isFalse();
        user.startMfa("v1:again", NOW);
        assertThat(user.mfaSecret()).as("an enrolment may start over").isEqualTo("v1:again");
        user.enableMfa(100, NOW);
        assertThat(user.isMfaEnabled()).isTrue();
    }

    @Test
    void enrolmentCannotStartOverWhileTwoFactorIsOn() {
        User user = user(false);
        user.startMfa("v1:sealed", NOW);
        user.enableMfa(100, NOW);
        assertConflict(() -> user.startMfa("v1:other", NOW), "mfa-already-enabled");
        assertThat(user.mfaSecret()).isEqualTo("v1:sealed");
    }

    @Test
    void turningTwoFactorOffForgetsTheSecretAndTheUsedSteps() {
        User user = user(false);
        user.startMfa("v1:sealed", NOW);
        user.enableMfa(100, NOW);
        assertThat(user.mfaLastStep()).as("the step that confirmed the enrolment").isEqualTo(100);
        user.disableMfa(NOW);
        assertThat(user.isMfaEnabled()).isFalse();
        assertThat(user.mfaSecret()).isNull();
        assertThat(user.mfaLastStep()).as("steps of the old secret are forgotten").isNull();
    }

    private static User user(boolean admin) {
        return new User("dj", "dj@example.org", null, "{bcrypt}old", admin, NOW);
    }

    private static void assertConflict(Runnable change, String type) {
        assertThatThrownBy(change::run).isInstanceOf(AccountConflictException.class)
                .satisfies(ex -> {
                    ErrorResponseException problem = (ErrorResponseException) ex;
                    assertThat(problem.getStatusCode().value()).isEqualTo(409);
                    assertThat(problem.getBody().getType()).hasToString("/problems/" + type);
                });
    }
}
