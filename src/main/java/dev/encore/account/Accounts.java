package dev.encore.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.platform.InvalidFieldsException;

/** A signed-in user's own account: profile, password, deletion. */
@Service
public class Accounts {

    private final Users users;
    private final PasswordEncoder encoder;
    private final PasswordRules rules;
    private final SessionRevoker revoker;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(Users users, PasswordEncoder encoder, PasswordRules rules, SessionRevoker revoker, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.rules = rules;
        this.revoker = revoker;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public UserView me(UUID userId) {
        return UserView.from(find(userId));
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
    public java.util.Optional<Standing> standing(UUID userId) {
        return users.findById(userId).map(user -> new Standing(user.isEnabled(), user.isAdmin()));
    }

    /**
     * Changes the display name and/or email (null leaves a field as it is).
     *
     * @throws AccountConflictException when the email belongs to another account
     */
    @Transactional
    public UserView updateProfile(UUID userId, String displayName, String email) {
        User user = find(userId);
        if (email != null && !User.normalizeEmail(email).equals(user.email())
                && users.existsByEmail(User.normalizeEmail(email))) {
            throw AccountConflictException.taken(List.of("email"));
        }
        user.updateProfile(displayName, email, clock.instant());
        try {
            users.saveAndFlush(user);
        }
        catch (DataIntegrityViolationException race) {
            throw AccountConflictException.taken(List.of("email"));
        }
        audit.record("user.profile-updated", userId);
        return UserView.from(user);
    }

    /**
     * Changes the password and signs out every other session.
     *
     * @throws InvalidFieldsException when the current password is wrong or the new one breaks the policy
     */
    @Transactional
    public void changePassword(UUID userId, UUID currentSession, String currentPassword, String newPassword) {
        User user = find(userId);
        if (!encoder.matches(currentPassword, user.passwordHash())) {
            throw InvalidFieldsException.of("currentPassword", "is not correct");
        }
        List<String> problems = rules.violations(newPassword, user.username());
        if (!problems.isEmpty()) {
            throw InvalidFieldsException.of("newPassword", problems);
        }
        user.changePassword(encoder.encode(newPassword), clock.instant());
        int ended = revoker.revokeAll(userId, currentSession, "password-change");
        audit.record("password.changed", userId, userId, java.util.Map.of("sessionsEnded", Integer.toString(ended)));
    }

    /**
     * Deletes the account and everything it owns ({@link UserDeleted} tells the other modules).
     *
     * @throws InvalidFieldsException when the password is wrong
     */
    @Transactional
    public void delete(UUID userId, String password) {
        User user = find(userId);
        if (!encoder.matches(password, user.passwordHash())) {
            throw InvalidFieldsException.of("password", "is not correct");
        }
        revoker.revokeAll(userId, null, "account-deleted");
        users.delete(user);
        audit.record("account.deleted", userId);
        events.publishEvent(new UserDeleted(userId));
    }

    private User find(UUID userId) {
        return users.findById(userId).orElseThrow(AccountNotFoundException::user);
    }
}
