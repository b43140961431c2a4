package dev.encore.account.signin;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.account.user.AuditTrail;
import dev.encore.platform.ClientKeys;
import dev.encore.platform.RateLimitExceededException;
import dev.encore.platform.RateLimits;

/** The plans' login throttles: per client address and per account, each refusal audited. */
@Component
class LoginThrottle {

    private final RateLimits limits;
    private final AuditTrail audit;

    LoginThrottle(RateLimits limits, AuditTrail audit) {
        this.limits = limits;
        this.audit = audit;
    }

    /**
     * An account's attempts share one bucket whichever identifier names it (its username or its
     * email); an identifier that names no account has its own.
     *
     * @param accountId the account {@code identifier} names, or null when it names none
     * @throws RateLimitExceededException when either bucket is empty
     */
    void check(String clientIp, String identifier, UUID accountId) {
        enforce("auth", "client:" + ClientKeys.of(clientIp), identifier, accountId);
        enforce("auth-account", "account:" + (accountId == null ? identifier : accountId), identifier, accountId);
    }

    private void enforce(String limit, String key, String identifier, UUID accountId) {
        if (!limits.enabled()) {
            return;
        }
        try {
            limits.enforce(limit, key);
        }
        catch (RateLimitExceededException ex) {
            audit.record("login.throttled", null, accountId, Map.of("limit", limit, "identifier", identifier));
            throw ex;
        }
    }
}
