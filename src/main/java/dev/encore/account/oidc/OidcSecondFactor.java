package dev.encore.account.oidc;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.encore.account.mfa.SecondFactor;
import dev.encore.account.oidc.OidcAttempts.Attempt;
import dev.encore.account.oidc.OidcAttempts.Purpose;
import dev.encore.account.session.ClientInfo;
import dev.encore.account.session.SessionTokens;
import dev.encore.account.session.SignedIn;
import dev.encore.account.user.AuditTrail;
import dev.encore.account.user.UserAccounts;
import dev.encore.account.user.UserView;
import dev.encore.platform.ClientKeys;
import dev.encore.platform.RateLimitExceededException;
import dev.encore.platform.RateLimits;

/**
 * The second step of an OIDC sign-in of an account with two-factor on: the provider's sign-in left a
 * ticket (in an HttpOnly cookie); a TOTP or recovery code with it opens the session, exactly as the
 * password login's second step does. Wrong codes keep the ticket (until it expires) and are throttled
 * like login attempts: per client and per account.
 */
@Service
class OidcSecondFactor {

    private final OidcAttempts attempts;
    private final SecondFactor secondFactor;
    private final SessionTokens sessionTokens;
    private final UserAccounts accounts;
    private final RateLimits limits;
    private final AuditTrail audit;

    OidcSecondFactor(OidcAttempts attempts, SecondFactor secondFactor, SessionTokens sessionTokens,
            UserAccounts accounts, RateLimits limits, AuditTrail audit) {
        this.attempts = attempts;
        this.secondFactor = secondFactor;
        this.sessionTokens = sessionTokens;
        this.accounts = accounts;
        this.limits = limits;
        this.audit = audit;
    }

    /**
     * Finishes the waiting sign-in of {@code ticket} with a code.
     *
     * @throws OidcException              {@code oidc-mfa-expired} (no, an expired or a used ticket),
     *                                    {@code account-disabled}
     * @throws RateLimitExceededException too many attempts from this client or for this account
     * @throws ErrorResponseException     {@code mfa-required} (no code) or {@code invalid-mfa-code}
     */
    @Transactional(noRollbackFor = { ErrorResponseException.class })
    public SignedIn complete(String ticket, String totpCode, String recoveryCode, ClientInfo client) {
        Attempt waiting = attempts.find(ticket, Purpose.MFA).orElseThrow(OidcException::mfaExpired);
        if (limits.enabled()) {
            limits.enforce("auth", "client:" + ClientKeys.of(client.ip()));
            limits.enforce("auth-account", "account:" + waiting.userId());
        }
        secondFactor.checkAtLogin(waiting.userId(), totpCode, recoveryCode);
        if (attempts.delete(ticket) != 1) {
            throw OidcException.mfaExpired(); // another request finished it meanwhile
        }
        UserView user = accounts.find(waiting.userId()).filter(UserView::enabled)
                .orElseThrow(OidcException::accountDisabled);
        SignedIn signedIn = sessionTokens.open(user, client);
        audit.record("login.succeeded", user.id(), user.id(),
                Map.of("session", signedIn.sessionId().toString(), "provider", waiting.provider()));
        return signedIn;
    }
}
