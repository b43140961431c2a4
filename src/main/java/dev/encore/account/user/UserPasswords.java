package dev.encore.account.user;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.RateLimitExceededException;

/**
 * The passwords of accounts: checked at sign-in and before sensitive changes, changed, and hashed
 * again when the hashing got stronger. A stored hash never leaves this class. Runs in the caller's
 * transaction (call it from a transactional facade); a change is saved at once.
 */
@Component
public class UserPasswords {

    private final Users users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final CredentialCheckThrottle throttle;
    private final Reauthentications reauthentications;
    /**
     * A hash of a random password, checked when an identifier names no account. Made in the
     * background while Encore starts: on a cold JVM one Argon2 hash takes about a second of the
     * start-up thread. A sign-in that comes before it is done waits for it.
     */
    private final CompletableFuture<String> unknownAccountHash;

    UserPasswords(Users users, PasswordEncoder encoder, Clock clock, CredentialCheckThrottle throttle,
            Reauthentications reauthentications) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.throttle = throttle;
        this.reauthentications = reauthentications;
        this.unknownAccountHash = CompletableFuture.supplyAsync(
                () -> encoder.encode(KeyGenerators.string().generateKey()),
                task -> Thread.ofVirtual().name("unknown-account-hash").start(task));
    }

    /**
     * What a sign-in found.
     *
     * @param account the account the identifier names; null when there is none
     * @param matches whether the password is that account's password (false when there is none)
     */
    public record SignInCheck(UserView account, boolean matches) {
    }

    /**
     * Finds the account {@code identifier} names (an email when it contains {@code @}, else a username;
     * lower-case) and checks {@code password} against it. An unknown account costs as much as a wrong
     * password: a hash is always checked.
     */
    public SignInCheck check(String identifier, String password) {
        Optional<User> found = named(identifier);
        boolean matches = encoder.matches(password, found.map(User::passwordHash).orElseGet(unknownAccountHash::join));
        return new SignInCheck(found.map(UserView::from).orElse(null), found.isPresent() && matches);
    }

    /** The id of the account {@code identifier} names (as {@link #check} reads it), if there is one. */
    public Optional<UUID> accountId(String identifier) {
        return named(identifier).map(User::id);
    }

    private Optional<User> named(String identifier) {
        return identifier.contains("@") ? users.findByEmail(identifier) : users.findByUsernameKey(identifier);
    }

    /**
     * Hashes the right {@code password} of the account again when it was hashed more weakly, or as typed
     * rather than in Unicode normal form C (before passwords were normalised: the encoder hashes the
     * normal form now, and accepts the typed form only as a fallback); not a password change. Costs one
     * more hash check only for a password that is not in normal form C.
     */
    public void upgrade(UUID userId, String password) {
        User user = get(userId);
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFC);
        if (encoder.upgradeEncoding(user.passwordHash())
                || !normalized.equals(password) && !encoder.matches(normalized, user.passwordHash())) {
            user.rehash(encoder.encode(password));
            users.save(user);
        }
    }

    /**
     * Whether {@code password} is the signed-in account's password, asked for before the sensitive change
     * {@code purpose}. Throttled per account and audited when wrong ({@link CredentialCheckThrottle}): the
     * caller's transaction must commit when it refuses the request ({@code noRollbackFor}).
     *
     * @throws AccountNotFoundException   when there is no such account
     * @throws RateLimitExceededException too many wrong passwords or codes for this
     *                                    account lately; the password was not checked
     */
    public boolean confirm(UUID userId, String password, CredentialCheckThrottle.Purpose purpose) {
        return throttle.check(userId, purpose, () -> encoder.matches(password, get(userId).passwordHash()));
    }

    /**
     * Makes sure the person at {@code sessionId} is the account's owner before the sensitive change
     * {@code purpose}: by the account's password ({@link #confirm}: throttled, audited when wrong) or, for an
     * account without one (made through an identity provider), by a recent re-authentication of this session
     * at a connected provider ({@link Reauthentications}). A re-authentication never replaces a password the
     * account has: the owner knows it.
     *
     * @param field the request's field the password came in, named in a refusal
     * @throws InvalidFieldsException when the account has a password and {@code password}
     *                                    is missing or wrong
     * @throws ReauthenticationRequiredException when the account has no password and the session no recent
     *                                    re-authentication
     * @throws AccountNotFoundException   when there is no such account
     * @throws RateLimitExceededException too many wrong passwords or codes lately
     */
    public void requireOwner(UUID userId, UUID sessionId, String field, String password,
            CredentialCheckThrottle.Purpose purpose) {
        if (!get(userId).hasPassword()) {
            if (reauthentications.validUntil(userId, sessionId).isEmpty()) {
                throw new ReauthenticationRequiredException();
            }
            return;
        }
        if (password == null || password.isBlank()) {
            throw InvalidFieldsException.of(field, "must not be blank");
        }
        if (!confirm(userId, password, purpose)) {
            throw InvalidFieldsException.of(field, "is not correct");
        }
    }

    /**
     * Sets a new password; the caller checked the policy.
     *
     * @throws AccountNotFoundException when there is no such account
     */
    public void change(UUID userId, String newPassword) {
        User user = get(userId);
        user.changePassword(encoder.encode(newPassword), clock.instant());
        users.save(user);
    }

    private User get(UUID userId) {
        return users.findById(userId).orElseThrow(AccountNotFoundException::user);
    }
}
