package dev.encore.account;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Login. Attempts are throttled per client and per account and audited; the answers for an
 * unknown account and a wrong password are the same and cost the same (a password hash is
 * always checked).
 */
@Service
public class SignIn {

    private final Users users;
    private final PasswordEncoder encoder;
    private final SecondFactor secondFactor;
    private final SessionTokens sessionTokens;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final String unknownAccountHash;

    SignIn(Users users, PasswordEncoder encoder, SecondFactor secondFactor, SessionTokens sessionTokens,
            LoginThrottle throttle, AuditTrail audit) {
        this.users = users;
        this.encoder = encoder;
        this.secondFactor = secondFactor;
        this.sessionTokens = sessionTokens;
        this.throttle = throttle;
        this.audit = audit;
        this.unknownAccountHash = encoder.encode(Secrets.randomToken(24));
    }

    /**
     * Signs in and opens a session (audited either way).
     *
     * @throws dev.encore.platform.RateLimitExceededException too many attempts from this client or for this account
     * @throws InvalidCredentialsException unknown account or wrong password
     * @throws AccountDisabledException    the account is disabled
     * @throws MfaRequiredException        two-factor is on and no code was sent
     * @throws InvalidMfaCodeException     the code is wrong or was already used
     */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    public SignedIn login(LoginRequest request, ClientInfo client) {
        String identifier = request.identifier().trim().toLowerCase(Locale.ROOT);
        throttle.check(client.ip(), identifier);
        Optional<User> found = identifier.contains("@") ? users.findByEmail(identifier)
                : users.findByUsernameKey(identifier);
        boolean matches = encoder.matches(request.password(), found.map(User::passwordHash).orElse(unknownAccountHash));
        if (found.isEmpty() || !matches) {
            audit.record("login.failed", null, found.map(User::id).orElse(null), Map.of("identifier", identifier,
                    "reason", found.isEmpty() ? "unknown-account" : "wrong-password"));
            throw new InvalidCredentialsException();
        }
        User user = found.get();
        if (!user.isEnabled()) {
            audit.record("login.failed", null, user.id(), Map.of("reason", "disabled"));
            throw new AccountDisabledException();
        }
        secondFactor.checkAtLogin(user, request.totpCode(), request.recoveryCode());
        if (encoder.upgradeEncoding(user.passwordHash())) {
            user.rehash(encoder.encode(request.password()));
        }
        UserSession session = sessionTokens.open(user, client);
        audit.record("login.succeeded", user.id(), user.id(), Map.of("session", session.id().toString()));
        return sessionTokens.issue(user, session);
    }
}
