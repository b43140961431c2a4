package dev.encore.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.platform.EncoreSecurityProperties;
import dev.encore.platform.InvalidFieldsException;

/** Creating accounts; the admin registration key makes an admin. */
@Service
public class Registration {

    private final Users users;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;
    private final EncoreSecurityProperties security;
    private final AuditTrail audit;
    private final Clock clock;

    Registration(Users users, PasswordRules rules, PasswordEncoder encoder, EncoreSecurityProperties security,
            AuditTrail audit, Clock clock) {
        this.users = users;
        this.rules = rules;
        this.encoder = encoder;
        this.security = security;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers an account.
     *
     * @throws InvalidFieldsException   when the password breaks the policy
     * @throws InvalidAdminKeyException when an admin key is given and wrong (audited)
     * @throws AccountConflictException when the username or email is taken
     */
    @Transactional(noRollbackFor = InvalidAdminKeyException.class)
    public UserView register(RegisterRequest request) {
        List<String> problems = rules.violations(request.password(), request.username());
        if (!problems.isEmpty()) {
            throw InvalidFieldsException.of("password", problems);
        }
        boolean admin = request.adminKey() != null && !request.adminKey().isEmpty();
        if (admin && !Secrets.constantTimeEquals(request.adminKey(), security.adminRegistrationKey())) {
            audit.record("registration.admin-key-rejected", null, null, Map.of("username", request.username()));
            throw new InvalidAdminKeyException();
        }
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
        User user = new User(request.username(), request.email(), blankToNull(request.displayName()),
                encoder.encode(request.password()), admin, clock.instant());
        try {
            users.saveAndFlush(user);
        }
        catch (DataIntegrityViolationException race) {
            throw AccountConflictException.taken(List.of("username", "email"));
        }
        audit.record("user.registered", user.id(), user.id(), Map.of("admin", Boolean.toString(admin)));
        return UserView.from(user);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
