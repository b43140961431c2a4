package dev.encore.account.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * The password policy of the plans: 8 to 128 characters with an upper-case letter, a lower-case
 * letter and a digit; not one of the 10,000 most common passwords; not containing the username.
 * Characters are Unicode code points of the password in normal form C, as it is hashed: an emoji
 * counts once, and so does "é" typed as "e" plus a combining accent.
 */
@Component
public class PasswordRules {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordRules() {
        this.common = load("account/common-passwords.txt");
    }

    /** Every rule the password {@code typed} breaks, as messages; empty when it is acceptable. */
    public List<String> violations(String typed, String username) {
        List<String> problems = new ArrayList<>();
        if (typed == null) {
            return List.of("must not be empty");
        }
        String password = NormalizingPasswordEncoder.normalized(typed);
        long length = password.codePoints().count();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            problems.add("must be 8 to 128 characters long");
        }
        if (password.codePoints().noneMatch(Character::isUpperCase)) {
            problems.add("must contain an upper-case letter");
        }
        if (password.codePoints().noneMatch(Character::isLowerCase)) {
            problems.add("must contain a lower-case letter");
        }
        if (password.codePoints().noneMatch(Character::isDigit)) {
            problems.add("must contain a digit");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            problems.add("is too common");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("must not contain the username");
        }
        return problems;
    }

    /**
     * Rejects {@code field} in {@code errors} once for each rule {@code password} breaks; a missing or
     * blank password is left to Bean Validation, which says so already.
     */
    public void reject(String field, String password, String username, Errors errors) {
        if (password == null || password.isBlank()) {
            return;
        }
        violations(password, username).forEach(message -> errors.rejectValue(field, "password-policy", message));
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> words.add(line.trim().toLowerCase(Locale.ROOT)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + resource, ex);
        }
        return words;
    }
}
