package dev.encore.library;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.account.Accounts;

/**
 * Viewers from a user id alone, for requests that carry no access token (signed stream URLs): the
 * account's role and state are read now, so a URL issued to an admin who was demoted meanwhile
 * plays with a user's rights, and one issued to a disabled or deleted account plays nothing.
 */
@Component
public class Viewers {

    private final Accounts accounts;

    Viewers(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The viewer {@code userId} is now; empty when the account is gone or disabled. */
    public Optional<Viewer> current(UUID userId) {
        return accounts.standing(userId).filter(Accounts.Standing::enabled)
                .map(standing -> new Viewer(userId, standing.admin()));
    }
}
