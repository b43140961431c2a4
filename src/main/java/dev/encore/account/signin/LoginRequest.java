package dev.encore.account.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.CodePointLength;

/**
 * A login.
 *
 * @param identifier   username or email
 * @param password     the password
 * @param totpCode     the current 6-digit code, when two-factor authentication is on
 * @param recoveryCode a single-use recovery code instead of {@code totpCode}
 */
record LoginRequest(
        @NotBlank @Size(max = 254) String identifier,
        @NotBlank @CodePointLength(max = 128, normalizationStrategy = CodePointLength.NormalizationStrategy.NFC) String password,
        @Size(max = 16) String totpCode,
        @Size(max = 32) String recoveryCode) {

    @Override
    public String toString() {
        return "LoginRequest[identifier=" + identifier + "]"; // never the secrets
    }
}
