package dev.encore.ingest.run;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.ingest.ImportFinished;
import dev.encore.ingest.imports.Import;
import dev.encore.ingest.imports.ImportStatus;
import dev.encore.ingest.imports.Imports;

/**
 * Records an import's outcome and publishes {@link ImportFinished} in the same transaction, so the
 * event goes out exactly when the outcome is stored (the run that finishes it first).
 */
@Component
class ImportEnds {

    private final Imports imports;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ImportEnds(Imports imports, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.imports = imports;
        this.events = events;
        this.transactions = transactions;
    }

    /** True when this call finished the running import (false: it was not running any more). */
    boolean finish(Import imported, ImportStatus status, String errorCode, String reason, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (imports.finish(imported.id(), status, errorCode, reason, now) != 1) {
                return false;
            }
            String name = imported.customName() != null ? imported.customName() : imported.title();
            events.publishEvent(new ImportFinished(imported.id(), imported.ownerId(), status.name(), name,
                    status == ImportStatus.SUCCEEDED ? null : reason));
            return true;
        }));
    }
}
