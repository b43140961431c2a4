package dev.encore.account.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.session.SessionRevoker;
import dev.encore.account.user.AccountNotFoundException;
import dev.encore.account.user.AuditTrail;
import dev.encore.account.user.UserAccounts;
import dev.encore.account.user.UserView;
import dev.encore.platform.PageResponse;

/** What admins do to accounts: find them, disable or enable them, change their roles. */
@Service
class UserAdministration {

    private final UserAccounts accounts;
    private final SessionRevoker revoker;
    private final AuditTrail audit;

    UserAdministration(UserAccounts accounts, SessionRevoker revoker, AuditTrail audit) {
        this.accounts = accounts;
        this.revoker = revoker;
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
}
