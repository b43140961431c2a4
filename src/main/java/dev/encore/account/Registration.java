package dev.encore.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.platform.AdminRegistrationKey;
import dev.encore.platform.InvalidFieldsException;

/**
 * Creating accounts; the admin registration key makes an admin. A bootstrap key (generated, or set
 * without {@code encore.security.admin-key-reusable}) makes one admin only: registrations with it
 * take a database lock, check that no admin exists and create theirs in one transaction, so two
 * racing registrations, even on two nodes, make at most one admin.
 */
@Service
public class Registration {

    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    private final Users users;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;
    private final AdminRegistrationKey adminKey;
    private final AuditTrail audit;
    private final Clock clock;

    Registration(Users users, PasswordRules rules, PasswordEncoder encoder, AdminRegistrationKey adminKey,
            AuditTrail audit, Clock clock) {
        this.users = users;
        this.rules = rules;
        this.encoder = encoder;
        this.adminKey = adminKey;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers an account.
     *
     * @throws InvalidFieldsException   when the password breaks the policy
     * @throws InvalidAdminKeyException when an admin key is given and wrong (audited)
     * @throws AdminKeySpentException   when the right key is given, it is a bootstrap key and an admin
     *                                  exists (audited, logged)
     * @throws AccountConflictException when the username or email is taken
     */
    @Transactional(noRollbackFor = { InvalidAdminKeyException.class, AdminKeySpentException.class })
    public UserView register(RegisterRequest request) {
        List<String> problems = rules.violations(request.password(), request.username());
        if (!problems.isEmpty()) {
            throw InvalidFieldsException.of("password", problems);
        }
        boolean admin = request.adminKey() != null && !request.adminKey().isEmpty();
        if (admin && !adminKey.matches(request.adminKey())) {
            audit.record("registration.admin-key-rejected", null, null, Map.of("username", request.username()));
            throw new InvalidAdminKeyException();
        }
        String passwordHash = encoder.encode(request.password()); // before any lock: hashing is slow on purpose
        List<String> taken = new ArrayList<>();
        if (users.existsByUsernameKey(User.key(request.username()))) {
            taken.add("username");
        }
        if (users.existsByEmail(User.normalizeEmail(request.email()))) {
            taken.add("email");
        }
        if (!taken.isEmpty()) {
            throw AccountConflictException.taken(taken);
        }
        boolean bootstrap = admin && adminKey.bootstrapOnly();
        if (bootstrap) {
            requireNoAdminYet(request.username());
        }
        User user = new User(request.username(), request.email(), blankToNull(request.displayName()), passwordHash,
                admin, clock.instant());
        try {
            users.saveAndFlush(user);
        }
        catch (DataIntegrityViolationException race) {
            throw AccountConflictException.taken(List.of("username", "email"));
        }
        audit.record("user.registered", user.id(), user.id(), Map.of("admin", Boolean.toString(admin)));
        if (bootstrap) {
            log.info("The first admin registered with the admin registration key; from now on the key is refused");
        }
        return UserView.from(user);
    }

    /** Under the bootstrap lock (held until the transaction ends): refuses the key once an admin exists. */
    private void requireNoAdminYet(String username) {
        users.lockAdminBootstrap();
        if (users.existsByAdminTrue()) {
            log.warn("Refused a registration with the admin registration key: an admin exists, and the key {} "
                    + "registers the first admin only. Admins promote accounts with PATCH /api/v1/admin/users/{id}",
                    adminKey.generated() ? "Encore generated" : "set without encore.security.admin-key-reusable=true");
            audit.record("registration.admin-key-spent", null, null, Map.of("username", username));
            throw new AdminKeySpentException();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
