package dev.encore.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.user.UserAccounts;

/** What other modules may ask about accounts. */
@Service
public class Accounts {

    private final UserAccounts accounts;

    Accounts(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Where an account stands now.
     *
     * @param enabled whether it may act (an admin can disable it)
     * @param admin   whether it has the admin role
     */
    public record Standing(boolean enabled, boolean admin) {
    }

    /**
     * How an account stands now, for credentials that outlive a request (signed stream URLs): empty
     * when it no longer exists.
     */
    @Transactional(readOnly = true)
    public Optional<Standing> standing(UUID userId) {
        return accounts.find(userId).map(user -> new Standing(user.enabled(), user.roles().contains("ADMIN")));
    }

    /** The account's username (unique, never changes), for showing who did something; empty when it no longer exists. */
    @Transactional(readOnly = true)
    public Optional<String> username(UUID userId) {
        return accounts.find(userId).map(user -> user.username());
    }

    /**
     * Where to write to an account.
     *
     * @param email   its e-mail address
     * @param name    its display name, or its username when it has none
     * @param enabled whether it may act
     */
    public record Contact(UUID userId, String email, String name, boolean enabled) {
    }

    /** How to reach the account by e-mail; empty when it no longer exists. */
    @Transactional(readOnly = true)
    public Optional<Contact> contact(UUID userId) {
        return accounts.find(userId).map(user -> new Contact(user.id(), user.email(),
                user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName(),
                user.enabled()));
    }

    /** How to reach every enabled admin by e-mail (for what the server itself must tell them). */
    @Transactional(readOnly = true)
    public List<Contact> adminContacts() {
        return accounts.enabledAdmins().stream().map(user -> new Contact(user.id(), user.email(),
                user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName(),
                true)).toList();
    }

    /**
     * The names to show for accounts: each one's display name, or its username when it has none.
     * Accounts that no longer exist are left out; an empty collection answers an empty map.
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return accounts.findAll(userIds).stream().collect(Collectors.toMap(user -> user.id(),
                user -> user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName()));
    }
}
