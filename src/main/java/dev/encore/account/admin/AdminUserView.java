package dev.encore.account.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.encore.account.user.UserView;

/**
 * An account as an admin sees it: {@link UserView}'s fields, and whether the account is the last
 * enabled admin, whom the API neither disables nor demotes (409 last-admin).
 *
 * @param id          user id
 * @param username    as registered (case preserved)
 * @param email       lower-case
 * @param displayName optional display name
 * @param roles       {@code USER}, plus {@code ADMIN} for admins
 * @param enabled     whether the account may sign in
 * @param mfaEnabled  whether two-factor authentication is on
 * @param createdAt   registration time
 * @param lastAdmin   whether it is the only enabled admin: disabling it or removing its admin role is
 *                    refused until another account is an enabled admin
 */
public record AdminUserView(UUID id, String username, String email, String displayName, List<String> roles,
        boolean enabled, boolean mfaEnabled, Instant createdAt, boolean lastAdmin) {

    /** {@code user}, the last enabled admin when it is an enabled admin and {@code enabledAdmins} is 1 or fewer. */
    static AdminUserView of(UserView user, long enabledAdmins) {
        boolean last = user.enabled() && user.roles().contains("ADMIN") && enabledAdmins <= 1;
        return new AdminUserView(user.id(), user.username(), user.email(), user.displayName(), user.roles(),
                user.enabled(), user.mfaEnabled(), user.createdAt(), last);
    }
}
