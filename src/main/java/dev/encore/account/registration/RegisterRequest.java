package dev.encore.account.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.CodePointLength;

import dev.encore.account.user.NoHiddenCharacters;

/**
 * A registration.
 *
 * @param username    3 to 50 letters, digits or underscores; unique ignoring case
 * @param email       a valid address, stored lower-case; unique; no invisible characters ({@link NoHiddenCharacters})
 * @param password    8 to 128 characters (code points, in Unicode normal form C); see
 *                    {@link dev.encore.account.password.PasswordRules}
 * @param displayName optional, at most 100 characters (code points), no control or invisible characters
 *                    ({@link NoHiddenCharacters})
 * @param adminKey    optional: the admin registration key makes the account an admin
 */
record RegisterRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_]{3,50}", message = "must be 3 to 50 letters, digits or underscores") String username,
        @NotBlank @Email(message = "must be a valid email address") @Size(max = 254) @NoHiddenCharacters String email,
        @NotBlank @CodePointLength(min = 8, max = 128, normalizationStrategy = CodePointLength.NormalizationStrategy.NFC, message = "must be 8 to 128 characters long") String password,
        @CodePointLength(max = 100, message = "size must be between 0 and 100") @NoHiddenCharacters String displayName,
        @Size(max = 256) String adminKey) {

    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + "]"; // never the password or key
    }
}
