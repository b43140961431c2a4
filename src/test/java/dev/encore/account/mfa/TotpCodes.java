package dev.encore.account.mfa;

import java.time.Instant;

/** Authenticator-app codes for tests outside this package (the browser tests). */
public final class TotpCodes {

    private TotpCodes() {
    }

    /** The code of the current time step plus {@code offset}, as an authenticator app shows it. */
    public static String now(String secret, int offset) {
        return Totp.code(secret, Instant.now().getEpochSecond() / Totp.STEP_SECONDS + offset);
    }
}
