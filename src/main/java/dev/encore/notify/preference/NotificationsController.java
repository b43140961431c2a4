package dev.encore.notify.preference;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.platform.Mails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in user's e-mail notification choices. */
@Tag(name = "me", description = "The signed-in user's own account")
@RestController
@RequestMapping("/api/v1/me/notifications")
class NotificationsController {

    private final NotificationPreferences preferences;
    private final Mails mails;

    NotificationsController(NotificationPreferences preferences, Mails mails) {
        this.preferences = preferences;
        this.mails = mails;
    }

    /**
     * The choices, and whether this server sends mail at all.
     *
     * @param securityAlerts  sign-ins from a new device, two-step verification turned on, new recovery
     *                        codes (password changes and resets, two-step verification turned off and a
     *                        disabled account are always told)
     * @param importUpdates   an import finished or failed
     * @param mailConfigured  false: this server sends no e-mail, the choices wait until it does
     */
    record NotificationSettings(boolean securityAlerts, boolean importUpdates, boolean mailConfigured) {

        static NotificationSettings of(NotificationPreferences.Choices choices, boolean mailConfigured) {
            return new NotificationSettings(choices.securityAlerts(), choices.importUpdates(), mailConfigured);
        }
    }

    /** A change: a field left out stays as it is. */
    record UpdateNotificationsRequest(Boolean securityAlerts, Boolean importUpdates) {
    }

    @Operation(summary = "Show my e-mail notification choices")
    @GetMapping
    NotificationSettings show(@AuthenticationPrincipal Jwt jwt) {
        return NotificationSettings.of(preferences.of(userId(jwt)), mails.configured());
    }

    @Operation(summary = "Change my e-mail notification choices", description = "Fields left out stay as they are.")
    @ApiResponse(responseCode = "200", description = "The choices now")
    @ApiResponse(responseCode = "400", description = "malformed-request: a value that is not true or false")
    @PatchMapping
    NotificationSettings change(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody UpdateNotificationsRequest request) {
        return NotificationSettings.of(preferences.change(userId(jwt), request.securityAlerts(), request.importUpdates()),
                mails.configured());
    }

    private static UUID userId(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
