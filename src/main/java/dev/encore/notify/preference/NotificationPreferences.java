package dev.encore.notify.preference;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;

/**
 * What each user wants to hear by e-mail. Critical security mails (password changed or reset,
 * two-step verification turned off, the account disabled) are always sent; the other security alerts
 * are on unless turned off; import updates are off unless turned on.
 */
@Service
public class NotificationPreferences {

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationPreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A user's choices.
     *
     * @param securityAlerts mails about sign-ins from new devices, two-step verification turned on and new
     *                       recovery codes (critical ones come regardless)
     * @param importUpdates  mails when an import finishes or fails
     */
    public record Choices(boolean securityAlerts, boolean importUpdates) {

        /** What a user who chose nothing gets. */
        public static final Choices DEFAULTS = new Choices(true, false);
    }

    @Transactional(readOnly = true)
    public Choices of(UUID userId) {
        return jdbc.sql("SELECT security_alerts, import_updates FROM notify_preferences WHERE user_id = ?")
                .param(userId).query((rs, row) -> new Choices(rs.getBoolean(1), rs.getBoolean(2))).optional()
                .orElse(Choices.DEFAULTS);
    }

    /** Changes the choices given (null keeps one) and answers them all. */
    @Transactional
    public Choices change(UUID userId, Boolean securityAlerts, Boolean importUpdates) {
        Choices now = of(userId);
        Choices next = new Choices(securityAlerts == null ? now.securityAlerts() : securityAlerts,
                importUpdates == null ? now.importUpdates() : importUpdates);
        Timestamp at = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE notify_preferences SET security_alerts = ?, import_updates = ?, updated_at = ? "
                + "WHERE user_id = ?").params(next.securityAlerts(), next.importUpdates(), at, userId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO notify_preferences (user_id, security_alerts, import_updates, updated_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(userId, next.securityAlerts(), next.importUpdates(), at).update();
        }
        return next;
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        jdbc.sql("DELETE FROM notify_preferences WHERE user_id = ?").param(deleted.userId()).update();
        jdbc.sql("DELETE FROM notify_known_devices WHERE user_id = ?").param(deleted.userId()).update();
    }
}
