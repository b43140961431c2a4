package dev.encore.account;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.platform.PageResponse;

/** What admins do to accounts: find them, disable or enable them, change their roles. */
@Service
public class UserAdministration {

    private final Users users;
    private final SessionRevoker revoker;
    private final AuditTrail audit;
    private final Clock clock;

    UserAdministration(Users users, SessionRevoker revoker, AuditTrail audit, Clock clock) {
        this.users = users;
        this.revoker = revoker;
        this.audit = audit;
        this.clock = clock;
    }

    /** Accounts whose username or email contains {@code query} (all when null). */
    @Transactional(readOnly = true)
    public PageResponse<UserView> search(String query, Pageable pageable) {
        String q = query == null || query.isBlank() ? null : query.trim().toLowerCase(Locale.ROOT);
        return PageResponse.from(users.search(q, pageable), UserView::from);
    }

    /**
     * Enables/disables an account and/or sets whether it is an admin (null leaves it).
     * Disabling ends all its sessions at once.
     *
     * @throws AccountConflictException when it would leave no enabled admin
     */
    @Transactional
    public UserView update(UUID adminId, UUID userId, Boolean enabled, Boolean admin) {
        User user = users.findById(userId).orElseThrow(AccountNotFoundException::user);
        boolean losesAdmin = user.isAdmin() && user.isEnabled()
                && (Boolean.FALSE.equals(enabled) || Boolean.FALSE.equals(admin));
        if (losesAdmin && users.countEnabledAdmins() <= 1) {
            throw AccountConflictException.lastAdmin();
        }
        Map<String, String> changes = new LinkedHashMap<>();
        if (enabled != null && enabled != user.isEnabled()) {
            user.setEnabled(enabled, clock.instant());
            changes.put("enabled", enabled.toString());
            if (!enabled) {
                revoker.revokeAll(userId, null, "account-disabled");
            }
        }
        if (admin != null && admin != user.isAdmin()) {
            user.setAdmin(admin, clock.instant());
            changes.put("admin", admin.toString());
        }
        audit.record("admin.user-updated", adminId, userId, changes);
        return UserView.from(user);
    }
}
