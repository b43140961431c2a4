package dev.encore.account.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account as clients see it; never a hash or a secret.
 *
 * @param id          user id
 * @param username    as registered (case preserved)
 * @param email       lower-case
 * @param displayName optional display name
 * @param roles       {@code USER}, plus {@code ADMIN} for admins
 * @param enabled     whether the account may sign in
 * @param mfaEnabled  whether two-factor authentication is on
 * @param createdAt   registration time
 */
public record UserView(UUID id, String username, String email, String displayName, List<String> roles,
        boolean enabled, boolean mfaEnabled, Instant createdAt) {

    static UserView from(User user) {
        return new UserView(user.id(), user.username(), user.email(), user.displayName(), user.roles(),
                user.isEnabled(), user.isMfaEnabled(), user.createdAt());
    }
}
