package dev.encore.account.user;

import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

import dev.encore.platform.RateLimitExceededException;
import dev.encore.platform.RateLimits;

/**
 * Throttles the checks of a signed-in account's own password or two-factor code before a sensitive
 * change (a password change, deleting the account, starting, confirming or turning off two-factor):
 * per account, across nodes (the limit {@value #LIMIT}), counting only the checks that fail, and
 * auditing every failure and refusal. The throttle sits inside the facade, as login's does: a
 * {@code @RateLimited} token would be given back for the 400 a wrong password answers.
 * <p>
 * A check takes its token before it runs and gives it back when it passes, so checks sent at the same
 * moment cannot get past the limit, while a right password or code costs nothing. Once the failures
 * used up the limit, every check of the account is refused until the window refills, the right one too.
 */
@Component
public class CredentialCheckThrottle {

    /** Name of the limit ({@code encore.ratelimit.limits.credential-checks}). */
    public static final String LIMIT = "credential-checks";

    /** The 429 answer of every operation that checks through here, as its API description says it. */
    public static final String LIMITED = "rate-limited: too many wrong passwords or two-factor codes for this "
            + "account (by default 10 per 15 minutes); while limited, the right one is refused too";

    /** What a check guards: the credential it asks for and the change it allows, both for the audit trail. */
    public enum Purpose {
        PASSWORD_CHANGE("password", "password-change"),
        ACCOUNT_DELETION("password", "account-deletion"),
        MFA_ENROLMENT("password", "mfa-enrol"),
        MFA_CONFIRMATION("totp-code", "mfa-confirm"),
        MFA_DISABLING("totp-code", "mfa-disable"),
        MFA_RECOVERY_CODES("totp-code", "mfa-recovery-codes");

        private final String credential;
        private final String action;

        Purpose(String credential, String action) {
            this.credential = credential;
            this.action = action;
        }

        Map<String, String> details() {
            return Map.of("credential", credential, "action", action);
        }
    }

    private final RateLimits limits;
    private final AuditTrail audit;

    CredentialCheckThrottle(RateLimits limits, AuditTrail audit) {
        this.limits = limits;
        this.audit = audit;
    }

    /**
     * Runs {@code check} of {@code userId}'s credential for {@code purpose}, in the caller's transaction;
     * a failure is audited as {@code credential-check.failed}, so the caller's transaction must commit
     * when it refuses the request ({@code noRollbackFor}).
     *
     * @return whether the credential was right
     * @throws RateLimitExceededException when the account's failed checks used up the limit (audited as
     *                                    {@code credential-check.throttled}); {@code check} did not run
     */
    public boolean check(UUID userId, Purpose purpose, BooleanSupplier check) {
        String key = "account:" + userId;
        if (limits.enabled()) {
            take(userId, purpose, key);
        }
        if (check.getAsBoolean()) {
            if (limits.enabled()) {
                limits.giveBack(LIMIT, key);
            }
            return true;
        }
        audit.record("credential-check.failed", userId, userId, purpose.details());
        return false;
    }

    private void take(UUID userId, Purpose purpose, String key) {
        try {
            limits.enforce(LIMIT, key);
        }
        catch (RateLimitExceededException ex) {
            audit.record("credential-check.throttled", userId, userId, purpose.details());
            throw ex;
        }
    }
}
