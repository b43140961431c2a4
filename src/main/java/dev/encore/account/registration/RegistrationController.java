package dev.encore.account.registration;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.account.user.UserView;
import dev.encore.platform.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Registration, next to login under {@code /api/v1/auth}. */
@Tag(name = "auth", description = "Registration, login, token refresh and logout")
@RestController
@RequestMapping("/api/v1/auth")
class RegistrationController {

    private final Registration registration;

    RegistrationController(Registration registration) {
        this.registration = registration;
    }

    @Operation(summary = "Register an account", description = "201 with the account. An admin key, if given, "
            + "must match encore.security.admin-registration-key (403 otherwise).")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "400", description = "validation-failed: every invalid field, the password policy included")
    @ApiResponse(responseCode = "403", description = "invalid-admin-key: the admin key is wrong; admin-key-spent: the "
            + "key registers the first admin only, and an admin exists")
    @ApiResponse(responseCode = "409", description = "account-exists: username or email taken (ignoring case)")
    @ApiResponse(responseCode = "429", description = "rate-limited: 10 registrations per hour per client "
            + "(encore.ratelimit.limits.registration); malformed ones (400) do not count")
    @RateLimited(value = "registration", per = RateLimited.Scope.CLIENT)
    @PostMapping("/register")
    ResponseEntity<UserView> register(@Valid @RequestBody RegisterRequest request) {
        UserView user = registration.register(request);
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + user.id())).body(user);
    }
}
