package dev.encore.notify.security;

import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.account.Accounts;
import dev.encore.notify.preference.NotificationPreferences;
import dev.encore.platform.AuditEvent;
import dev.encore.platform.EncoreProperties;
import dev.encore.platform.Mails;

/**
 * Tells account owners of security-relevant changes by e-mail, from the audit events the account
 * module publishes (after commit, redelivered after a crash). The mail's id is the event's, so an
 * event delivered twice queues one mail.
 */
@Component
class SecurityAlerts {

    private final Accounts accounts;
    private final NotificationPreferences preferences;
    private final KnownDevices devices;
    private final Mails mails;
    private final EncoreProperties encore;

    SecurityAlerts(Accounts accounts, NotificationPreferences preferences, KnownDevices devices, Mails mails,
            EncoreProperties encore) {
        this.accounts = accounts;
        this.preferences = preferences;
        this.devices = devices;
        this.mails = mails;
        this.encore = encore;
    }

    @ApplicationModuleListener
    void on(AuditEvent event) {
        UUID target = userId(event.targetId());
        if (target == null) {
            return;
        }
        Optional<SecurityLetters.Alert> alert = "login.succeeded".equals(event.type())
                ? signIn(event, target) : SecurityLetters.of(event);
        if (alert.isEmpty() || !mails.configured()) {
            return;
        }
        if (!alert.get().critical() && !preferences.of(target).securityAlerts()) {
            return;
        }
        accounts.contact(target).ifPresent(contact -> mails.queue(event.id(),
                SecurityLetters.letter(alert.get(), contact, encore.publicUrl())));
    }

    private Optional<SecurityLetters.Alert> signIn(AuditEvent event, UUID userId) {
        return devices.remember(userId, event.userAgent(), event.occurredAt()) == KnownDevices.Seen.NEW
                ? Optional.of(SecurityLetters.newDevice(event)) : Optional.empty();
    }

    private static UUID userId(String targetId) {
        try {
            return targetId == null ? null : UUID.fromString(targetId);
        }
        catch (IllegalArgumentException notAUser) {
            return null;
        }
    }
}
