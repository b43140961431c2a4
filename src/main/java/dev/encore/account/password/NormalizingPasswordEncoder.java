package dev.encore.account.password;

import java.text.Normalizer;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks passwords in Unicode normal form C, so that "é" typed as one character on one
 * keyboard and as "e" plus a combining accent on another is the same password. Hashes made before
 * passwords were normalised hold the password as it was typed: when the normal form does not match,
 * the form as typed is tried as well (two hash checks, for passwords that are not in normal form C
 * only), and {@link dev.encore.account.user.UserPasswords#upgrade} hashes such a password again in
 * normal form C at the next sign-in.
 */
final class NormalizingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;

    NormalizingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    /** {@code password} in Unicode normal form C. */
    static String normalized(CharSequence password) {
        return Normalizer.normalize(password, Normalizer.Form.NFC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(normalized(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        String normalized = normalized(rawPassword);
        return delegate.matches(normalized, encodedPassword)
                || !normalized.contentEquals(rawPassword) && delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
