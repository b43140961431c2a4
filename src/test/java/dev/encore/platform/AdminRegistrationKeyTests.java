package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which admin keys are bootstrap keys (first admin only), as the issue reads. */
class AdminRegistrationKeyTests {

    @Test
    void aGeneratedKeyIsABootstrapKeyWhateverTheReusableSetting() {
        assertThat(new AdminRegistrationKey("k", true, false).bootstrapOnly()).isTrue();
        assertThat(new AdminRegistrationKey("k", true, true).bootstrapOnly()).isTrue();
    }

    @Test
    void anOperatorSetKeyKeepsWorkingOnlyWhenDeclaredReusable() {
        assertThat(new AdminRegistrationKey("k", false, false).bootstrapOnly()).isTrue();
        assertThat(new AdminRegistrationKey("k", false, true).bootstrapOnly()).isFalse();
    }

    @Test
    void matchesOnlyTheKeyItself() {
        AdminRegistrationKey key = new AdminRegistrationKey("s3cret-key", false, false);
        assertThat(key.matches("s3cret-key")).isTrue();
        assertThat(key.matches("s3cret-key ")).isFalse();
        assertThat(key.matches("")).isFalse();
        assertThat(key.matches(null)).isFalse();
    }
}
