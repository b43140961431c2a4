package dev.encore.account.recovery;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import dev.encore.account.password.PasswordRules;
import dev.encore.platform.spi.FieldRules;

/**
 * The password policy ({@link PasswordRules}) as a field rule of a reset's new password, so a weak one
 * is refused with the field named before the token is looked at; the facade checks it again with
 * the account's username.
 */
@Component
class ConfirmPasswordResetRequestRules implements FieldRules {

    private final PasswordRules rules;

    ConfirmPasswordResetRequestRules(PasswordRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean supports(Class<?> type) {
        return PasswordResetController.ConfirmPasswordResetRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        PasswordResetController.ConfirmPasswordResetRequest request =
                (PasswordResetController.ConfirmPasswordResetRequest) target;
        rules.reject("newPassword", request.newPassword(), null, errors);
    }
}
