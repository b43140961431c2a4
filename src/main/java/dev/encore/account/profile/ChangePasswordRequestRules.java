package dev.encore.account.profile;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import dev.encore.account.password.PasswordRules;
import dev.encore.account.session.AccessTokenClaims;
import dev.encore.account.user.UserAccounts;
import dev.encore.account.user.UserView;
import dev.encore.platform.spi.FieldRules;

/**
 * The password policy ({@link PasswordRules}) as a field rule of password changes, so that a
 * change hears of a bad current and a bad new password at once. The facade checks the policy
 * again for callers that do not come through a controller.
 */
@Component
class ChangePasswordRequestRules implements FieldRules {

    private final PasswordRules rules;
    private final UserAccounts accounts;

    ChangePasswordRequestRules(PasswordRules rules, UserAccounts accounts) {
        this.rules = rules;
        this.accounts = accounts;
    }

    @Override
    public boolean supports(Class<?> type) {
        return MeController.ChangePasswordRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        MeController.ChangePasswordRequest change = (MeController.ChangePasswordRequest) target;
        rules.reject("newPassword", change.newPassword(), signedInUsername(), errors);
    }

    /** The caller's username: the policy forbids passwords that contain it. */
    private String signedInUsername() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return null;
        }
        return accounts.find(AccessTokenClaims.userId(jwt)).map(UserView::username).orElse(null);
    }
}
