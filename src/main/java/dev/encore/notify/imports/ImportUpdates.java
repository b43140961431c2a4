package dev.encore.notify.imports;

import java.net.URI;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.account.Accounts;
import dev.encore.ingest.ImportFinished;
import dev.encore.notify.preference.NotificationPreferences;
import dev.encore.platform.EncoreProperties;
import dev.encore.platform.MailLetter;
import dev.encore.platform.Mails;

/**
 * Mails the owner when an import finishes or fails, if they turned import updates on (off by
 * default). The mail's id is the import's, so a redelivered event queues one mail.
 */
@Component
class ImportUpdates {

    private final Accounts accounts;
    private final NotificationPreferences preferences;
    private final Mails mails;
    private final EncoreProperties encore;

    ImportUpdates(Accounts accounts, NotificationPreferences preferences, Mails mails, EncoreProperties encore) {
        this.accounts = accounts;
        this.preferences = preferences;
        this.mails = mails;
        this.encore = encore;
    }

    @ApplicationModuleListener
    void on(ImportFinished finished) {
        if (!mails.configured() || !preferences.of(finished.ownerId()).importUpdates()) {
            return;
        }
        accounts.contact(finished.ownerId()).filter(Accounts.Contact::enabled)
                .ifPresent(contact -> mails.queue(finished.importId(), letter(finished, contact)));
    }

    private MailLetter letter(ImportFinished finished, Accounts.Contact contact) {
        String name = finished.name() == null || finished.name().isBlank() ? "Your import"
                : "Your import \u201C" + MailLetter.oneLine(finished.name()) + "\u201D";
        URI imports = MailLetter.link(encore.publicUrl(), "/import");
        String footer = "You get these because you turned on import updates in Encore under Account, Notifications.";
        return switch (finished.status()) {
            case "SUCCEEDED" -> new MailLetter(contact.email(), contact.name(), "Your import is ready",
                    List.of(name + " is ready to download or save to your library."), "Open your imports", imports,
                    footer);
            case "PARTIAL" -> new MailLetter(contact.email(), contact.name(), "Your import is partly done",
                    List.of(name + " is done, but some of its items failed: " + reason(finished)), "Open your imports",
                    imports, footer);
            default -> new MailLetter(contact.email(), contact.name(), "Your import failed",
                    List.of(name + " failed: " + reason(finished)), "Open your imports", imports, footer);
        };
    }

    private static String reason(ImportFinished finished) {
        return finished.reason() == null ? "no reason was given." : MailLetter.oneLine(finished.reason());
    }
}
