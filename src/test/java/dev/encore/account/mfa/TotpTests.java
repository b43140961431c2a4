package dev.encore.account.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTests {

    /** RFC 6238 appendix B's SHA-1 secret, "12345678901234567890". */
    private static final String RFC_SECRET = new Base32().encodeToString("12345678901234567890".getBytes());

    @Test
    void matchesTheRfc6238TestVectors() {
        // the RFC lists 8-digit codes; the 6-digit code is their last six digits
        assertThat(Totp.code(RFC_SECRET, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, 2000000000L / 30)).isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoMore() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = now.getEpochSecond() / 30;
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step), now)).hasValue(step);
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEmpty();
    }

    @Test
    void refusesMalformedCodes() {
        Instant now = Instant.now();
        for (String bad : new String[] { null, "", "12345", "1234567", "abcdef", "12 456" }) {
            assertThat(Totp.verify(RFC_SECRET, bad, now)).isEmpty();
        }
    }

    @Test
    void newSecretsAre160BitsOfBase32() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void buildsAnAuthenticatorUri() {
        assertThat(Totp.uri("Encore", "dj set", "ABC")).isEqualTo(
                "otpauth://totp/Encore:dj%20set?secret=ABC&issuer=Encore&algorithm=SHA1&digits=6&period=30");
    }
}
