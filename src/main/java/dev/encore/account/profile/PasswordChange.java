package dev.encore.account.profile;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.password.PasswordRules;
import dev.encore.account.session.SessionRevoker;
import dev.encore.account.user.AccountNotFoundException;
import dev.encore.account.user.AuditTrail;
import dev.encore.account.user.CredentialCheckThrottle.Purpose;
import dev.encore.account.user.ReauthenticationRequiredException;
import dev.encore.account.user.UserAccounts;
import dev.encore.account.user.UserPasswords;
import dev.encore.account.user.UserView;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.RateLimitExceededException;

/**
 * A signed-in user changing their own password, or setting one for an account made through an identity
 * provider (which has none: its owner proves themselves by a fresh provider sign-in instead).
 */
@Service
class PasswordChange {

    private final UserAccounts accounts;
    private final UserPasswords passwords;
    private final PasswordRules rules;
    private final SessionRevoker revoker;
    private final AuditTrail audit;

    PasswordChange(UserAccounts accounts, UserPasswords passwords, PasswordRules rules, SessionRevoker revoker,
            AuditTrail audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.rules = rules;
        this.revoker = revoker;
        this.audit = audit;
    }

    /**
     * Changes (or sets the first) password and signs out every other session.
     *
     * @param currentSession  the session to keep (the caller's)
     * @param currentPassword the account's password; none for an account without one, whose session must
     *                        have re-authenticated at a connected provider lately
     * @throws AccountNotFoundException when the account is gone
     * @throws InvalidFieldsException   when the current password is missing or wrong (audited) or the new one
     *                                  breaks the policy
     * @throws ReauthenticationRequiredException an account without a password, without a recent re-authentication
     * @throws RateLimitExceededException too many wrong passwords or codes for this account lately
     */
    @Transactional(noRollbackFor = { InvalidFieldsException.class, RateLimitExceededException.class })
    public void change(UUID userId, UUID currentSession, String currentPassword, String newPassword) {
        UserView user = accounts.find(userId).orElseThrow(AccountNotFoundException::user);
        boolean first = !accounts.hasPassword(userId);
        passwords.requireOwner(userId, currentSession, "currentPassword", currentPassword, Purpose.PASSWORD_CHANGE);
        List<String> problems = rules.violations(newPassword, user.username());
        if (!problems.isEmpty()) {
            throw InvalidFieldsException.of("newPassword", problems);
        }
        passwords.change(userId, newPassword);
        int ended = revoker.revokeAll(userId, currentSession, "password-change");
        audit.record("password.changed", userId, userId, first
                ? Map.of("sessionsEnded", Integer.toString(ended), "first", "true")
                : Map.of("sessionsEnded", Integer.toString(ended)));
    }
}
