package dev.encore.platform.mail;

import java.util.UUID;

/** A mail was stored in the outbox; after commit a job is enqueued to send it. */
public record MailQueued(UUID mailId) {
}
