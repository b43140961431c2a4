package dev.encore.account.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.account.session.SessionRevoker;
import dev.encore.account.user.AccountNotFoundException;
import dev.encore.account.user.AuditTrail;
import dev.encore.account.user.CredentialCheckThrottle.Purpose;
import dev.encore.account.user.UserAccounts;
import dev.encore.account.user.UserPasswords;
import dev.encore.account.user.UserView;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.RateLimitExceededException;

/** A signed-in user's own account: seeing it, changing the profile, deleting it. */
@Service
class MyAccount {

    private final UserAccounts accounts;
    private final UserPasswords passwords;
    private final SessionRevoker revoker;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    MyAccount(UserAccounts accounts, UserPasswords passwords, SessionRevoker revoker, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.revoker = revoker;
        this.audit = audit;
        this.events = events;
    }

    /** @throws AccountNotFoundException when the account is gone */
    @Transactional(readOnly = true)
    public UserView me(UUID userId) {
        return accounts.find(userId).orElseThrow(AccountNotFoundException::user);
    }

    /**
     * Changes the display name and/or email (null leaves a field as it is). Audited as
     * {@code user.profile-updated} with {@code fields}, the names of the fields that changed
     * (comma-separated; empty when none did), and the new {@code displayName} when it changed (empty
     * when removed); never the email address.
     *
     * @throws AccountConflictException when the email belongs to another account
     */
    @Transactional
    public UserView updateProfile(UUID userId, String displayName, String email) {
        UserView before = accounts.find(userId).orElseThrow(AccountNotFoundException::user);
        UserView after = accounts.updateProfile(userId, displayName, email);
        List<String> changed = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        if (!Objects.equals(before.displayName(), after.displayName())) {
            changed.add("displayName");
            details.put("displayName", after.displayName() == null ? "" : after.displayName());
        }
        if (!before.email().equals(after.email())) {
            changed.add("email");
        }
        details.put("fields", String.join(",", changed));
        audit.record("user.profile-updated", userId, userId, details);
        return after;
    }

    /**
     * Deletes the account and everything it owns ({@link UserDeleted} tells the other modules); audited as
     * {@code account.deleted} with the {@code username} it had.
     *
     * @param session  the caller's session: an account without a password needs its recent re-authentication
     * @param password the account's password; none for an account without one
     * @throws InvalidFieldsException     when the password is missing or wrong (audited)
     * @throws dev.encore.account.user.ReauthenticationRequiredException an account without a password, without
     *                                    a recent re-authentication
     * @throws RateLimitExceededException too many wrong passwords or codes for this account lately
     */
    @Transactional(noRollbackFor = { InvalidFieldsException.class, RateLimitExceededException.class })
    public void delete(UUID userId, UUID session, String password) {
        passwords.requireOwner(userId, session, "password", password, Purpose.ACCOUNT_DELETION);
        accounts.ensureNotLastAdmin(userId); // before any token is revoked: a refusal changes nothing
        String username = accounts.find(userId).orElseThrow(AccountNotFoundException::user).username();
        revoker.revokeAll(userId, null, "account-deleted");
        accounts.delete(userId);
        // the account row is gone: the name keeps the trail readable
        audit.record("account.deleted", userId, userId, Map.of("username", username));
        events.publishEvent(new UserDeleted(userId));
    }
}
