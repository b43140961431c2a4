package dev.encore.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class NormalizingPasswordEncoderTests {

    /** "Crème-Brûlée-42" with each accent typed as a combining character (NFD), and precomposed (NFC). */
    private static final String DECOMPOSED = "Cre\u0300me-Bru\u0302le\u0301e-42";
    private static final String COMPOSED = "Cr\u00E8me-Br\u00FBl\u00E9e-42";

    private final PasswordEncoder plain = new BCryptPasswordEncoder(4);
    private final PasswordEncoder encoder = new NormalizingPasswordEncoder(plain);

    @Test
    void hashesTheNormalFormSoBothWaysOfTypingAPasswordMatch() {
        String hash = encoder.encode(DECOMPOSED);
        assertThat(plain.matches(COMPOSED, hash)).as("the hash is of the NFC form").isTrue();
        assertThat(encoder.matches(COMPOSED, hash)).isTrue();
        assertThat(encoder.matches(DECOMPOSED, hash)).isTrue();
        assertThat(encoder.matches("Creme-Brulee-42", hash)).isFalse();
    }

    @Test
    void aHashOfTheFormAsTypedFromBeforeNormalisationStillMatches() {
        String legacy = plain.encode(DECOMPOSED);
        assertThat(encoder.matches(DECOMPOSED, legacy)).isTrue();
        assertThat(encoder.matches("Cre\u0300me-Bru\u0302le\u0301e-43", legacy)).isFalse();
    }
}
