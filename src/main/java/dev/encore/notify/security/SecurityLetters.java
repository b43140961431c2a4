package dev.encore.notify.security;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import dev.encore.account.Accounts.Contact;
import dev.encore.platform.AuditEvent;
import dev.encore.platform.MailLetter;

/**
 * The security mails: which audit events are told to the account's owner, and in what words. A
 * critical one (the password changed or reset, two-step verification turned off, the account
 * disabled) is always sent; the others only while the owner wants security alerts.
 */
final class SecurityLetters {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String CRITICAL = "This mail is always sent: it tells of a change to your account's safety.";
    private static final String OPTIONAL = "You can turn these alerts off in Encore under Account, Notifications.";
    private static final String NOT_YOU = "If this was not you, reset your password now (\"Forgot password?\" on the "
            + "sign-in screen) and tell an admin of this Encore.";

    private SecurityLetters() {
    }

    /**
     * A mail's content before it is addressed.
     *
     * @param critical sent whatever the owner chose
     */
    record Alert(String subject, List<String> paragraphs, boolean critical) {
    }

    /** The alert an audit event makes for the account it was done to; empty for events not told. */
    static Optional<Alert> of(AuditEvent event) {
        String when = WHEN.format(event.occurredAt());
        return Optional.ofNullable(switch (event.type()) {
            case "password.changed" -> new Alert("Your Encore password was changed", List.of(
                    "The password of your Encore account was changed on " + when + ". Your other sessions were "
                            + "signed out.", NOT_YOU), true);
            case "password.reset" -> new Alert("Your Encore password was reset", List.of(
                    "The password of your Encore account was reset with a link from a mail on " + when
                            + ". Every session was signed out.", NOT_YOU), true);
            case "mfa.enabled" -> new Alert("Two-step verification is on", List.of(
                    "Two-step verification was turned on for your Encore account on " + when
                            + ". Signing in now needs a code from your authenticator app.", NOT_YOU), false);
            case "mfa.disabled" -> new Alert("Two-step verification is off", List.of(
                    "Two-step verification was turned off for your Encore account on " + when
                            + ". Signing in needs your password only.", NOT_YOU), true);
            case "admin.mfa-reset" -> new Alert("An admin turned off your two-step verification", List.of(
                    "An admin of this Encore turned off two-step verification for your account on " + when
                            + " and signed out all its sessions. Turn it on again under Account, Security.",
                    "If you did not ask for this, tell an admin."), true);
            case "mfa.recovery-codes-regenerated" -> new Alert("New recovery codes", List.of(
                    "New recovery codes were made for your Encore account on " + when + "; the old ones no longer "
                            + "work.", NOT_YOU), false);
            case "admin.user-updated" -> "false".equals(event.details().get("enabled"))
                    ? new Alert("Your Encore account was disabled", List.of(
                            "An admin of this Encore disabled your account on " + when
                                    + ". You can no longer sign in, and every session was signed out.",
                            "Ask an admin of this Encore if you think this is a mistake."), true)
                    : null;
            default -> null;
        });
    }

    /** The alert for a sign-in from a device the account had not used before. */
    static Alert newDevice(AuditEvent event) {
        String device = MailLetter.oneLine(event.userAgent());
        if (device.length() > 120) {
            device = device.substring(0, 120) + "…";
        }
        return new Alert("New sign-in to your Encore account", List.of(
                "Your Encore account was signed in to from a device it had not been used on before, on "
                        + WHEN.format(event.occurredAt()) + ".",
                "Device: " + (device.isEmpty() ? "unknown" : device)
                        + (event.clientIp() == null ? "" : ". Address: " + event.clientIp()) + ".",
                "If this was you, there is nothing to do. " + NOT_YOU
                        + " You can sign out that device under Account, Sessions."), false);
    }

    /** {@code alert} addressed to {@code contact}, with a link to the account screen of {@code publicUrl}. */
    static MailLetter letter(Alert alert, Contact contact, URI publicUrl) {
        URI account = MailLetter.link(publicUrl, "/account/security");
        return new MailLetter(contact.email(), contact.name(), alert.subject(), alert.paragraphs(),
                "Review your account", account, alert.critical() ? CRITICAL : OPTIONAL);
    }
}
