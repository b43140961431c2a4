package dev.encore.account.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.mfa.SecondFactor;
import dev.encore.account.session.SessionRevoker;
import dev.encore.account.user.AccountConflictException;
import dev.encore.account.user.AccountNotFoundException;
import dev.encore.account.user.AuditTrail;
import dev.encore.account.user.UserAccounts;
import dev.encore.account.user.UserView;
import dev.encore.platform.PageResponse;

/** What admins do to accounts: find them, disable or enable them, change their roles, reset their second factor. */
@Service
class UserAdministration {

    private final UserAccounts accounts;
    private final SessionRevoker revoker;
    private final SecondFactor secondFactor;
    private final AuditTrail audit;

    UserAdministration(UserAccounts accounts, SessionRevoker revoker, SecondFactor secondFactor, AuditTrail audit) {
        this.accounts = accounts;
        this.revoker = revoker;
        this.secondFactor = secondFactor;
        this.audit = audit;
    }

    /** Accounts whose username or email contains {@code query} (all when null). */
    @Transactional(readOnly = true)
    public PageResponse<AdminUserView> search(String query, Pageable pageable) {
        String q = query == null || query.isBlank() ? null : query.trim().toLowerCase(Locale.ROOT);
        long admins = accounts.countEnabledAdmins();
        return PageResponse.from(accounts.search(q, pageable), user -> AdminUserView.of(user, admins));
    }

    /**
     * Enables/disables an account and/or sets whether it is an admin (null leaves it).
     * Disabling it, or taking its admin role away, ends all its sessions at once.
     *
     * @throws AccountNotFoundException when there is no such account
     * @throws AccountConflictException when it would leave no enabled admin
     */
    @Transactional
    public AdminUserView update(UUID adminId, UUID userId, Boolean enabled, Boolean admin) {
        UserView before = accounts.find(userId).orElseThrow(AccountNotFoundException::user);
        UserView after = accounts.changeStanding(userId, enabled, admin);
        Map<String, String> changes = new LinkedHashMap<>();
        if (after.enabled() != before.enabled()) {
            changes.put("enabled", Boolean.toString(after.enabled()));
            if (!after.enabled()) {
                revoker.revokeAll(userId, null, "account-disabled");
            }
        }
        if (!after.roles().equals(before.roles())) {
            changes.put("admin", Boolean.toString(after.roles().contains("ADMIN")));
            if (before.roles().contains("ADMIN") && !after.roles().contains("ADMIN")) {
                // its access tokens still say ADMIN until they expire: end the sessions that hold them
                revoker.revokeAll(userId, null, "admin-removed");
            }
        }
        audit.record("admin.user-updated", adminId, userId, changes);
        return AdminUserView.of(after, accounts.countEnabledAdmins());
    }

    /**
     * Turns the second factor of another account off (its secret and recovery codes are forgotten) and
     * ends all its sessions: whoever held one of them, on a device the owner lost, is signed out.
     * Audited as {@code admin.mfa-reset} with the admin as actor and the account as target.
     *
     * @throws AccountNotFoundException when there is no such account
     * @throws AccountConflictException {@code own-second-factor} for the admin's own account (they turn it
     *                                  off with a code, as everyone does); {@code mfa-not-enabled} when
     *                                  there is nothing to reset
     */
    @Transactional
    public void resetSecondFactor(UUID adminId, UUID userId) {
        if (adminId.equals(userId)) {
            throw AccountConflictException.ownSecondFactor();
        }
        if (!secondFactor.reset(userId)) {
            throw AccountConflictException.mfaNotEnabled();
        }
        int ended = revoker.revokeAll(userId, null, "mfa-reset");
        audit.record("admin.mfa-reset", adminId, userId, Map.of("sessionsEnded", Integer.toString(ended)));
    }
}
