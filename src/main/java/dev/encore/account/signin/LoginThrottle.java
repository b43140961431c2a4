package dev.encore.account.signin;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.encore.account.user.AuditTrail;
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

    /** @throws RateLimitExceededException when either bucket is empty */
    void check(String clientIp, String identifier) {
        enforce("auth", "client:" + clientIp, identifier);
        enforce("auth-account", "account:" + identifier, identifier);
    }

    private void enforce(String limit, String key, String identifier) {
        if (!limits.enabled()) {
            return;
        }
        try {
            limits.enforce(limit, key);
        }
        catch (RateLimitExceededException ex) {
            audit.record("login.throttled", null, null, Map.of("limit", limit, "identifier", identifier));
            throw ex;
        }
    }
}
