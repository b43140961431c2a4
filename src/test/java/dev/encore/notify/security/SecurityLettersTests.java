package dev.encore.notify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.encore.account.Accounts.Contact;
import dev.encore.platform.AuditEvent;
import dev.encore.platform.MailLetter;

class SecurityLettersTests {

    private static final Instant AT = Instant.parse("2026-12-06T05:30:00Z");

    private static AuditEvent event(String type, Map<String, String> details) {
        return new AuditEvent(UUID.randomUUID(), type, null, UUID.randomUUID().toString(), "203.0.113.7",
                "Firefox\r\nX-Evil: 1", null, AT, details);
    }

    @Test
    void criticalChangesAreAlwaysToldAndOthersMayBeTurnedOff() {
        assertThat(SecurityLetters.of(event("password.changed", Map.of()))).hasValueSatisfying(alert -> {
            assertThat(alert.critical()).isTrue();
            assertThat(alert.paragraphs().get(0)).contains("2026-12-06 05:30 UTC");
        });
        assertThat(SecurityLetters.of(event("password.reset", Map.of())).orElseThrow().critical()).isTrue();
        assertThat(SecurityLetters.of(event("mfa.disabled", Map.of())).orElseThrow().critical()).isTrue();
        assertThat(SecurityLetters.of(event("admin.mfa-reset", Map.of())).orElseThrow().critical()).isTrue();
        assertThat(SecurityLetters.of(event("mfa.enabled", Map.of())).orElseThrow().critical()).isFalse();
        assertThat(SecurityLetters.of(event("mfa.recovery-codes-regenerated", Map.of())).orElseThrow().critical()).isFalse();
        assertThat(SecurityLetters.of(event("admin.user-updated", Map.of("enabled", "false"))).orElseThrow().subject())
                .isEqualTo("Your Encore account was disabled");
    }

    @Test
    void otherEventsAreNotTold() {
        assertThat(SecurityLetters.of(event("admin.user-updated", Map.of("admin", "true")))).isEmpty();
        assertThat(SecurityLetters.of(event("login.failed", Map.of()))).isEmpty();
        assertThat(SecurityLetters.of(event("password-reset.requested", Map.of()))).isEmpty();
    }

    @Test
    void aNewDeviceIsDescribedOnOneLineAndLinksToTheAccount() {
        SecurityLetters.Alert alert = SecurityLetters.newDevice(event("login.succeeded", Map.of()));
        assertThat(alert.paragraphs().get(1)).isEqualTo("Device: Firefox X-Evil: 1. Address: 203.0.113.7.");
        MailLetter letter = SecurityLetters.letter(alert, new Contact(UUID.randomUUID(), "a@example.org", "Ann", true),
                URI.create("https://m.example.org/"));
        assertThat(letter.actionUrl()).isEqualTo(URI.create("https://m.example.org/account/security"));
        assertThat(letter.footer()).contains("turn these alerts off");
    }
}
