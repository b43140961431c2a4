package dev.encore.account.registration;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import dev.encore.account.password.PasswordRules;
import dev.encore.platform.spi.FieldRules;

/**
 * The password policy ({@link PasswordRules}) as a field rule of registrations, so that a
 * registration with a bad username, email and password hears of all three at once. The facade
 * checks the policy again for callers that do not come through a controller.
 */
@Component
class RegisterRequestRules implements FieldRules {

    private final PasswordRules rules;

    RegisterRequestRules(PasswordRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean supports(Class<?> type) {
        return RegisterRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        RegisterRequest registration = (RegisterRequest) target;
        rules.reject("password", registration.password(), registration.username(), errors);
    }
}
