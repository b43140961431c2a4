package dev.encore.account.signin;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.encore.account.mfa.SecondFactor;
import dev.encore.account.session.ClientInfo;
import dev.encore.account.session.SessionTokens;
import dev.encore.account.session.SignedIn;
import dev.encore.account.user.AuditTrail;
import dev.encore.account.user.UserPasswords;
import dev.encore.account.user.UserView;

/**
 * Login. Attempts are throttled per client and per account and audited; the answers for an
 * unknown account and a wrong password are the same and cost the same (a password hash is
 * always checked).
 */
@Service
class SignIn {

    private final UserPasswords passwords;
    private final SecondFactor secondFactor;
    private final SessionTokens sessionTokens;
    private final LoginThrottle throttle;
    private final AuditTrail audit;

    SignIn(UserPasswords passwords, SecondFactor secondFactor, SessionTokens sessionTokens, LoginThrottle throttle,
            AuditTrail audit) {
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.sessionTokens = sessionTokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * Signs in and opens a session (audited either way).
     *
     * @throws dev.encore.platform.RateLimitExceededException too many attempts from this client or for this account
     * @throws InvalidCredentialsException unknown account or wrong password
     * @throws AccountDisabledException    the account is disabled
     * @throws ErrorResponseException      two-factor is on and no code was sent ({@code mfa-required}), or the
     *                                     code is wrong or was already used ({@code invalid-mfa-code}); see
     *                                     {@link SecondFactor#checkAtLogin}
     */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    public SignedIn login(LoginRequest request, ClientInfo client) {
        String identifier = request.identifier().trim().toLowerCase(Locale.ROOT);
        throttle.check(client.ip(), identifier, passwords.accountId(identifier).orElse(null));
        UserPasswords.SignInCheck check = passwords.check(identifier, request.password());
        UserView user = check.account();
        if (!check.matches()) {
            audit.record("login.failed", null, user == null ? null : user.id(), Map.of("identifier", identifier,
                    "reason", user == null ? "unknown-account" : "wrong-password"));
            throw new InvalidCredentialsException();
        }
        if (!user.enabled()) {
            audit.record("login.failed", null, user.id(), Map.of("reason", "disabled"));
            throw new AccountDisabledException();
        }
        secondFactor.checkAtLogin(user.id(), request.totpCode(), request.recoveryCode());
        passwords.upgrade(user.id(), request.password());
        SignedIn signedIn = sessionTokens.open(user, client);
        audit.record("login.succeeded", user.id(), user.id(), Map.of("session", signedIn.sessionId().toString()));
        return signedIn;
    }
}
