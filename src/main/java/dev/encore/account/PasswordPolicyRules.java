package dev.encore.account;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import dev.encore.platform.FieldRules;

/**
 * The password policy ({@link PasswordRules}) as field rules of the requests that set a password,
 * so that a registration with a bad username, email and password hears of all three at once. The
 * facades check the policy again for callers that do not come through a controller.
 */
@Component
class PasswordPolicyRules implements FieldRules {

    private final PasswordRules rules;
    private final Users users;

    PasswordPolicyRules(PasswordRules rules, Users users) {
        this.rules = rules;
        this.users = users;
    }

    @Override
    public boolean supports(Class<?> type) {
        return RegisterRequest.class.equals(type) || MeController.ChangePasswordRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (target instanceof RegisterRequest registration) {
            check("password", registration.password(), registration.username(), errors);
        }
        else if (target instanceof MeController.ChangePasswordRequest change) {
            check("newPassword", change.newPassword(), signedInUsername(), errors);
        }
    }

    private void check(String field, String password, String username, Errors errors) {
        if (password == null || password.isBlank()) {
            return; // Bean Validation says so already
        }
        rules.violations(password, username).forEach(message -> errors.rejectValue(field, "password-policy", message));
    }

    /** The caller's username: the policy forbids passwords that contain it. */
    private String signedInUsername() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return null;
        }
        return users.findById(UUID.fromString(jwt.getSubject())).map(User::username).orElse(null);
    }
}
