package dev.encore.account.registration;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.password.PasswordRules;
import dev.encore.account.user.AccountConflictException;
import dev.encore.account.user.AuditTrail;
import dev.encore.account.user.UserAccounts;
import dev.encore.account.user.UserView;
import dev.encore.platform.AdminRegistrationKey;
import dev.encore.platform.InvalidFieldsException;

/**
 * Creating accounts; the admin registration key makes an admin. A bootstrap key (generated, or set
 * without {@code encore.security.admin-key-reusable}) makes one admin only: registrations with it
 * take a database lock, check that no admin exists and create theirs in one transaction, so two
 * racing registrations, even on two nodes, make at most one admin.
 */
@Service
class Registration {

    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    private final UserAccounts accounts;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;
    private final AdminRegistrationKey adminKey;
    private final AuditTrail audit;

    Registration(UserAccounts accounts, PasswordRules rules, PasswordEncoder encoder, AdminRegistrationKey adminKey,
            AuditTrail audit) {
        this.accounts = accounts;
        this.rules = rules;
        this.encoder = encoder;
        this.adminKey = adminKey;
        this.audit = audit;
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
        List<String> taken = accounts.taken(request.username(), request.email());
        if (!taken.isEmpty()) {
            throw AccountConflictException.taken(taken);
        }
        boolean bootstrap = admin && adminKey.bootstrapOnly();
        if (bootstrap) {
            requireNoAdminYet(request.username());
        }
        UserView user = accounts.create(new UserAccounts.NewAccount(request.username(), request.email(),
                blankToNull(request.displayName()), passwordHash, admin));
        audit.record("user.registered", user.id(), user.id(), Map.of("admin", Boolean.toString(admin)));
        if (bootstrap) {
            log.info("The first admin registered with the admin registration key; from now on the key is refused");
        }
        return user;
    }

    /** Under the bootstrap lock (held until the transaction ends): refuses the key once an admin exists. */
    private void requireNoAdminYet(String username) {
        if (accounts.adminExistsUnderBootstrapLock()) {
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
