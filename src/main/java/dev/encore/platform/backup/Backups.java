package dev.encore.platform.backup;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.platform.AuditEvent;

/** Database backups with their audit trail: who made or downloaded which backup. */
@Component
class Backups {

    private final DatabaseBackups database;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Backups(DatabaseBackups database, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.database = database;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    boolean embedded() {
        return database.embedded();
    }

    /** @param actor the admin who asked; null for the schedule */
    DatabaseBackups.DatabaseBackup create(UUID actor) {
        DatabaseBackups.DatabaseBackup made = database.create();
        audit("backup.created", actor, made);
        return made;
    }

    /**
     * Tells the audit trail (and through it the admins, by mail) that a scheduled backup failed; the
     * reason is the failure's kind and message, which name no secret.
     */
    void failed(RuntimeException failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        transactions.executeWithoutResult(status -> events.publishEvent(AuditEvent.of("backup.failed", null, null,
                clock.instant(), Map.of("reason", reason.length() > 300 ? reason.substring(0, 300) : reason))));
    }

    void downloaded(UUID actor, DatabaseBackups.DatabaseBackup backup) {
        audit("backup.downloaded", actor, backup);
    }

    private void audit(String type, UUID actor, DatabaseBackups.DatabaseBackup backup) {
        // in a transaction of its own, committed: the audit module stores the event after commit
        transactions.executeWithoutResult(status -> events.publishEvent(AuditEvent.of(type,
                actor == null ? null : actor.toString(), null, clock.instant(),
                Map.of("name", backup.name(), "bytes", Long.toString(backup.bytes())))));
    }
}
