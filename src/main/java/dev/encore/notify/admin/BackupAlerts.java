package dev.encore.notify.admin;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.encore.account.Accounts;
import dev.encore.platform.AuditEvent;
import dev.encore.platform.EncoreProperties;
import dev.encore.platform.MailLetter;
import dev.encore.platform.Mails;

/**
 * Mails every enabled admin when a scheduled database backup fails ({@code backup.failed}): at most
 * one mail per admin per day (UTC), however often JobRunr retries the backup that day.
 */
@Component
class BackupAlerts {

    private final Accounts accounts;
    private final Mails mails;
    private final EncoreProperties encore;

    BackupAlerts(Accounts accounts, Mails mails, EncoreProperties encore) {
        this.accounts = accounts;
        this.mails = mails;
        this.encore = encore;
    }

    @ApplicationModuleListener
    void on(AuditEvent event) {
        if (!"backup.failed".equals(event.type()) || !mails.configured()) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        String reason = MailLetter.oneLine(event.details().getOrDefault("reason", "no reason was given"));
        for (Accounts.Contact admin : accounts.adminContacts()) {
            UUID mailId = UUID.nameUUIDFromBytes(("backup.failed:" + day + ":" + admin.userId())
                    .getBytes(StandardCharsets.UTF_8));
            mails.queue(mailId, new MailLetter(admin.email(), admin.name(), "Encore's database backup failed",
                    List.of("Tonight's scheduled backup of Encore's database failed on " + day + " (UTC): " + reason,
                            "Check the disk and the log of the server; Admin, Backups shows the backups there are and "
                                    + "makes one on demand."),
                    "Open Backups", MailLetter.link(encore.publicUrl(), "/admin/backups"),
                    "You get this because you are an admin of this Encore."));
        }
    }
}
