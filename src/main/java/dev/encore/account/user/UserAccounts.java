package dev.encore.account.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Component;

import dev.encore.platform.SqlWhere;

/**
 * Accounts as the features of this module read and change them: registration creates them, their
 * owners change their profile, admins their standing. Runs in the caller's transaction (call it from
 * a transactional facade): each change is saved at once, with the account's version checked, and
 * becomes visible when that transaction commits.
 */
@Component
public class UserAccounts {

    private final Users users;
    private final JdbcAggregateOperations aggregates;
    private final Clock clock;

    UserAccounts(Users users, JdbcAggregateOperations aggregates, Clock clock) {
        this.users = users;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /**
     * A new account.
     *
     * @param username     as typed (unique ignoring case)
     * @param email        any case (stored lower-case)
     * @param displayName  optional (null for none)
     * @param passwordHash the password as the {@code PasswordEncoder} encoded it
     * @param admin        whether it gets the admin role
     * @param passwordSet  false when {@code passwordHash} is of a random password nobody knows (an account
     *                     registered through an identity provider)
     */
    public record NewAccount(String username, String email, String displayName, String passwordHash, boolean admin,
            boolean passwordSet) {

        public NewAccount(String username, String email, String displayName, String passwordHash, boolean admin) {
            this(username, email, displayName, passwordHash, admin, true);
        }

        @Override
        public String toString() {
            return "NewAccount[username=" + username + "]"; // never the hash
        }
    }

    /** The account {@code userId} as clients see it; empty when there is none. */
    public Optional<UserView> find(UUID userId) {
        return users.findById(userId).map(UserView::from);
    }

    /** The accounts among {@code userIds} that exist, in no particular order. */
    public List<UserView> findAll(Collection<UUID> userIds) {
        return users.findAllById(userIds).stream().map(UserView::from).toList();
    }

    /** Accounts whose username or email contains {@code query} (lower-case); every account when null. */
    public Page<UserView> search(String query, Pageable pageable) {
        return aggregates.findAll(matching(query), User.class, pageable).map(UserView::from);
    }

    /** Username or email contains {@code query}, taken literally ({@code %}, {@code _} and {@code \} escaped). */
    private static Query matching(String query) {
        if (query == null) {
            return Query.empty();
        }
        String pattern = SqlWhere.containsPattern(query);
        return Query.query(Criteria.where("usernameKey").like(pattern).or("email").like(pattern));
    }

    /** The fields of a registration another account holds already, ignoring case: {@code username}, {@code email}. */
    public List<String> taken(String username, String email) {
        List<String> taken = new ArrayList<>();
        if (users.existsByUsernameKey(User.key(username))) {
            taken.add("username");
        }
        if (users.existsByEmail(User.normalizeEmail(email))) {
            taken.add("email");
        }
        return taken;
    }

    /** Whether the account has a password its owner knows (false for one registered through an identity provider). */
    public boolean hasPassword(UUID userId) {
        return get(userId).hasPassword();
    }

    /**
     * {@link #hasPassword}, asked under a lock of the account's row held until the transaction ends, so
     * that two removals of its ways to sign in check "another one is left" one after the other.
     *
     * @throws AccountNotFoundException when there is no such account
     */
    public boolean hasPasswordUnderLock(UUID userId) {
        Boolean passwordSet = users.lockPasswordSet(userId);
        if (passwordSet == null) {
            throw AccountNotFoundException.user();
        }
        return passwordSet;
    }

    /** Whether {@code username} is taken, ignoring case. */
    public boolean usernameTaken(String username) {
        return users.existsByUsernameKey(User.key(username));
    }

    /** Whether {@code email} belongs to an account, ignoring case. */
    public boolean emailTaken(String email) {
        return users.existsByEmail(User.normalizeEmail(email));
    }

    /**
     * Whether an admin exists, asked under the admin bootstrap lock: the lock is held until the
     * transaction ends, so registrations with a bootstrap key, on any node, ask one at a time.
     */
    public boolean adminExistsUnderBootstrapLock() {
        users.lockAdminBootstrap();
        return users.existsByAdminTrue();
    }

    /**
     * Creates an account, enabled.
     *
     * @throws AccountConflictException when another account took the username or email meanwhile
     */
    public UserView create(NewAccount account) {
        User user = new User(account.username(), account.email(), account.displayName(), account.passwordHash(),
                account.passwordSet(), account.admin(), clock.instant());
        try {
            users.save(user);
        }
        catch (DataIntegrityViolationException race) {
            throw AccountConflictException.taken(List.of("username", "email"));
        }
        return UserView.from(user);
    }

    /**
     * Changes the display name and/or email (null leaves a field as it is; a blank display name removes it).
     *
     * @throws AccountNotFoundException when there is no such account
     * @throws AccountConflictException when the email belongs to another account
     */
    public UserView updateProfile(UUID userId, String displayName, String email) {
        User user = get(userId);
        if (email != null && !User.normalizeEmail(email).equals(user.email())
                && users.existsByEmail(User.normalizeEmail(email))) {
            throw AccountConflictException.taken(List.of("email"));
        }
        user.updateProfile(displayName, email, clock.instant());
        try {
            users.save(user);
        }
        catch (DataIntegrityViolationException race) {
            throw AccountConflictException.taken(List.of("email"));
        }
        return UserView.from(user);
    }

    /**
     * Sets whether the account may act and whether it is an admin (null leaves either as it is).
     *
     * @throws AccountNotFoundException when there is no such account
     * @throws AccountConflictException when it would leave no enabled admin
     */
    public UserView changeStanding(UUID userId, Boolean enabled, Boolean admin) {
        User user = get(userId);
        user.changeStanding(enabled, admin, this::countEnabledAdminsUnderLock, clock.instant());
        users.save(user);
        return UserView.from(user);
    }

    /** The enabled admins now. */
    public List<UserView> enabledAdmins() {
        return users.findByAdminTrueAndEnabledTrue().stream().map(UserView::from).toList();
    }

    /** How many accounts are enabled admins now (no lock: for showing, not for deciding). */
    public long countEnabledAdmins() {
        return users.countEnabledAdmins();
    }

    /**
     * The enabled admins, counted under the admin bootstrap lock (held until the transaction ends):
     * two admins taking away each other's standing at once (or their own) are counted one after
     * the other, so the second sees the first's change and at least one enabled admin stays.
     */
    private long countEnabledAdminsUnderLock() {
        users.lockAdminBootstrap();
        return users.countEnabledAdmins();
    }

    /**
     * Refuses to let the last enabled admin go (their own account deletion): nobody could administer
     * the server after it, and the admin registration key is spent while any admin row exists.
     *
     * @throws AccountConflictException {@code last-admin}
     */
    public void ensureNotLastAdmin(UUID userId) {
        User user = get(userId);
        if (user.isAdmin() && user.isEnabled() && countEnabledAdminsUnderLock() <= 1) {
            throw AccountConflictException.lastAdmin();
        }
    }

    /**
     * Deletes the account itself (what it owns elsewhere goes on {@link dev.encore.account.UserDeleted}); nothing
     * when there is none.
     */
    public void delete(UUID userId) {
        users.deleteById(userId);
    }

    private User get(UUID userId) {
        return users.findById(userId).orElseThrow(AccountNotFoundException::user);
    }
}
