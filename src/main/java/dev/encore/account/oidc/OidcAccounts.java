package dev.encore.account.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.encore.account.oidc.Connections.Connection;
import dev.encore.account.user.AccountConflictException;
import dev.encore.account.user.AccountNotFoundException;
import dev.encore.account.user.Reauthentications;
import dev.encore.account.user.UserAccounts;
import dev.encore.account.user.UserView;

/**
 * Which Encore account a provider account is: found by its connection (issuer and subject, never the
 * email), created when the provider may register accounts, or connected to a signed-in account. Runs in
 * the caller's transaction.
 */
@Component
class OidcAccounts {

    /** How far the provider's clock may be from Encore's when it says when someone signed in. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final Connections connections;
    private final UserAccounts accounts;
    private final OidcProviders providers;
    private final PasswordEncoder encoder;
    private final Clock clock;

    OidcAccounts(Connections connections, UserAccounts accounts, OidcProviders providers, PasswordEncoder encoder,
            Clock clock) {
        this.connections = connections;
        this.accounts = accounts;
        this.providers = providers;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A signed-in account and whether this sign-in created it. */
    record Resolved(UserView user, boolean registered) {
    }

    /**
     * The account connected to {@code identity}, or a new one when {@code provider} allows registration.
     *
     * @throws OidcException {@code oidc-email-refused}, {@code oidc-registration-closed}, {@code oidc-email-taken}
     */
    Resolved resolve(String provider, IdTokens.Identity identity) {
        requireAllowedEmail(provider, identity);
        Optional<Connection> known = connections.findBySubject(identity.issuer(), identity.subject());
        if (known.isPresent()) {
            connections.touch(known.get().id(), storable(identity.email()), clock.instant());
            return new Resolved(accounts.find(known.get().userId()).orElseThrow(AccountNotFoundException::user), false);
        }
        if (!providers.provider(provider).allowRegistration()) {
            throw OidcException.registrationClosed();
        }
        UserView user = register(identity);
        connect(user.id(), provider, identity);
        return new Resolved(user, true);
    }

    /**
     * Connects {@code identity} to {@code userId}'s account; nothing when it is connected to it already.
     *
     * @throws OidcException {@code oidc-email-refused}, {@code oidc-already-linked} (another account's),
     *                       {@code oidc-already-connected} (this account has another account of the provider)
     */
    void link(UUID userId, String provider, IdTokens.Identity identity) {
        requireAllowedEmail(provider, identity);
        Optional<Connection> known = connections.findBySubject(identity.issuer(), identity.subject());
        if (known.isPresent()) {
            if (!known.get().userId().equals(userId)) {
                throw OidcException.alreadyLinked();
            }
            return;
        }
        if (connected(userId, provider)) {
            throw OidcException.alreadyConnected();
        }
        connect(userId, provider, identity);
    }

    /**
     * Checks that {@code identity} is a fresh sign-in ({@code auth_time} within
     * {@link Reauthentications#VALID_FOR}, give or take a minute of clock skew) of the provider account
     * connected to {@code userId}'s account for {@code provider}.
     *
     * @throws OidcException {@code oidc-reauthentication-failed}
     */
    void requireReauthentication(UUID userId, String provider, IdTokens.Identity identity) {
        boolean theirs = connections.findBySubject(identity.issuer(), identity.subject())
                .filter(connection -> connection.userId().equals(userId) && connection.provider().equals(provider))
                .isPresent();
        Instant now = clock.instant();
        boolean fresh = identity.authTime() != null
                && identity.authTime().isAfter(now.minus(Reauthentications.VALID_FOR).minus(CLOCK_SKEW))
                && identity.authTime().isBefore(now.plus(CLOCK_SKEW));
        if (!theirs || !fresh) {
            throw OidcException.reauthenticationFailed();
        }
    }

    boolean connected(UUID userId, String provider) {
        return connections.findByUser(userId).stream().anyMatch(connection -> connection.provider().equals(provider));
    }

    List<Connection> list(UUID userId) {
        return connections.findByUser(userId);
    }

    boolean hasPassword(UUID userId) {
        return accounts.hasPassword(userId);
    }

    /**
     * Disconnects {@code provider} from the account.
     *
     * @throws OidcException {@code oidc-not-connected}, or {@code last-sign-in-method} when the account has no
     *                       password and no other connection
     */
    void disconnect(UUID userId, String provider) {
        // the account's row is locked first: of two disconnects at once, the second counts what the first left
        boolean hasPassword = accounts.hasPasswordUnderLock(userId);
        List<Connection> mine = connections.findByUser(userId);
        if (mine.stream().noneMatch(connection -> connection.provider().equals(provider))) {
            throw OidcException.notConnected();
        }
        if (mine.size() == 1 && !hasPassword) {
            throw OidcException.lastSignInMethod();
        }
        connections.delete(userId, provider);
    }

    private void requireAllowedEmail(String provider, IdTokens.Identity identity) {
        List<String> domains = providers.provider(provider).allowedEmailDomains();
        if (domains.isEmpty()) {
            return;
        }
        String email = identity.email();
        boolean allowed = email != null && identity.emailVerified() && email.contains("@") && domains.stream()
                .anyMatch(domain -> email.substring(email.lastIndexOf('@') + 1).equalsIgnoreCase(domain.trim()));
        if (!allowed) {
            throw OidcException.emailRefused();
        }
    }

    /** A new account with a random password nobody knows: its owner signs in through the provider. */
    private UserView register(IdTokens.Identity identity) {
        String email = identity.email();
        if (email == null || email.isBlank() || email.length() > 254 || !email.contains("@")) {
            throw OidcException.emailRefused();
        }
        if (accounts.emailTaken(email)) {
            throw OidcException.emailTaken(); // never connected by email: the owner links it after signing in
        }
        String base = UsernameCandidates.base(identity.preferredUsername(), email, identity.name());
        String username = UsernameCandidates.of(base, 3,
                () -> HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2))
                .stream().filter(candidate -> !accounts.usernameTaken(candidate)).findFirst()
                .orElseThrow(() -> AccountConflictException.taken(List.of("username")));
        String hash = encoder.encode(KeyGenerators.string().generateKey() + KeyGenerators.string().generateKey());
        return accounts.create(new UserAccounts.NewAccount(username, email.toLowerCase(Locale.ROOT),
                displayName(identity.name()), hash, false, false));
    }

    private void connect(UUID userId, String provider, IdTokens.Identity identity) {
        Instant now = clock.instant();
        try {
            connections.insert(new Connection(UUID.randomUUID(), userId, provider, identity.issuer(),
                    identity.subject(), storable(identity.email()), now, now));
        }
        catch (DataIntegrityViolationException race) {
            throw OidcException.alreadyLinked();
        }
    }

    /** The email as shown beside a connection; none when longer than an email may be. */
    private static String storable(String email) {
        return email == null || email.length() > 254 ? null : email;
    }

    /** The provider's name claim as a display name: no control or invisible characters, at most 100. */
    private static String displayName(String name) {
        if (name == null) {
            return null;
        }
        String clean = name.replaceAll("[\\p{C}\\p{Z}&&[^ ]]", "").strip();
        int end = clean.offsetByCodePoints(0, Math.min(100, clean.codePointCount(0, clean.length())));
        return clean.isEmpty() ? null : clean.substring(0, end);
    }
}
