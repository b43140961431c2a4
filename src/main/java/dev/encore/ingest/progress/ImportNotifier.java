package dev.encore.ingest.progress;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.ingest.imports.ImportItems;
import dev.encore.ingest.imports.ImportView;
import dev.encore.ingest.imports.Imports;
import dev.encore.platform.UserNotifications;

/** Tells an import's owner about every change, from the database's current state. */
@Component
public class ImportNotifier {

    private final Imports imports;
    private final ImportItems items;
    private final UserNotifications notifications;

    ImportNotifier(Imports imports, ImportItems items, UserNotifications notifications) {
        this.imports = imports;
        this.items = items;
        this.notifications = notifications;
    }

    public void changed(UUID importId, UUID itemId) {
        imports.findById(importId).ifPresent(imported -> {
            ImportView.ItemView item = itemId == null ? null
                    : items.findById(itemId).map(ImportView.ItemView::of).orElse(null);
            notifications.send(imported.ownerId(), ImportProgressMessage.TOPIC, new ImportProgressMessage(
                    imported.id(), imported.status().name(), imported.progress(),
                    imported.phase() == null ? null : imported.phase().value(), item));
        });
    }
}
