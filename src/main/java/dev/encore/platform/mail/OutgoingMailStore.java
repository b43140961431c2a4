package dev.encore.platform.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.encore.platform.SecretBox;

/**
 * The mail outbox ({@code platform_mails}): one row per mail, keyed by the id of what caused it, so
 * that the same cause queues one mail however often it is delivered. Bodies are sealed with
 * {@link SecretBox} while queued (a reset link is a credential) and erased once the mail is sent.
 */
@Component
public class OutgoingMailStore {

    static final String PURPOSE = "platform-mail";

    private final JdbcClient jdbc;
    private final SecretBox box;

    OutgoingMailStore(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** A queued mail, opened. */
    record Pending(UUID id, String recipient, String recipientName, String subject, String text, String html,
            int attempts) {
    }

    /** Stores the mail unless one with its id exists; answers whether it stored it. */
    public boolean add(UUID id, String recipient, String recipientName, String subject, RenderedLetter body, Instant now) {
        if (jdbc.sql("SELECT COUNT(*) FROM platform_mails WHERE id = ?").param(id).query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO platform_mails (id, recipient, recipient_name, subject, text_body, html_body, status,
                    attempts, created_at, next_try_at) VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""")
                .params(id, recipient, recipientName, subject, box.seal(body.text(), PURPOSE),
                        box.seal(body.html(), PURPOSE), Timestamp.from(now), Timestamp.from(now))
                .update();
        return true;
    }

    /** The mail, if it still waits to be sent. */
    Optional<Pending> pending(UUID id) {
        return jdbc.sql("""
                SELECT recipient, recipient_name, subject, text_body, html_body, attempts FROM platform_mails
                WHERE id = ? AND status = 'QUEUED'""").param(id)
                .query((rs, row) -> new Pending(id, rs.getString(1), rs.getString(2), rs.getString(3),
                        box.open(rs.getString(4), PURPOSE), box.open(rs.getString(5), PURPOSE), rs.getInt(6)))
                .optional();
    }

    /** Counts a try and what went wrong in it (a short, secret-free reason), and when the next is due. */
    void attempted(UUID id, String error, Instant nextTry) {
        jdbc.sql("UPDATE platform_mails SET attempts = attempts + 1, last_error = ?, next_try_at = ? WHERE id = ?")
                .params(error == null ? null : error.substring(0, Math.min(300, error.length())),
                        Timestamp.from(nextTry), id).update();
    }

    /** Puts the next try off to {@code at} without counting one. */
    void putOff(UUID id, Instant at) {
        jdbc.sql("UPDATE platform_mails SET next_try_at = ? WHERE id = ? AND status = 'QUEUED'")
                .params(Timestamp.from(at), id).update();
    }

    /** Up to {@code limit} queued mails whose next try was due before {@code before}, the longest overdue first. */
    List<UUID> overdue(Instant before, int limit) {
        return jdbc.sql("""
                SELECT id FROM platform_mails WHERE status = 'QUEUED' AND next_try_at < ?
                ORDER BY next_try_at LIMIT ?""").params(Timestamp.from(before), limit).query(UUID.class).list();
    }

    /** Marks it sent and forgets its bodies. */
    void sent(UUID id, Instant now) {
        jdbc.sql("""
                UPDATE platform_mails SET status = 'SENT', sent_at = ?, text_body = NULL, html_body = NULL,
                    last_error = NULL WHERE id = ?""").params(Timestamp.from(now), id).update();
    }

    /** Gives it up for good (the address is refused, the tries are spent) and forgets its bodies. */
    void failed(UUID id, String error) {
        jdbc.sql("""
                UPDATE platform_mails SET status = 'FAILED', text_body = NULL, html_body = NULL,
                    last_error = ? WHERE id = ?""")
                .params(error.substring(0, Math.min(300, error.length())), id).update();
    }

    /** Mails sent since {@code since}, cluster-wide. */
    long sentSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM platform_mails WHERE sent_at >= ?").param(Timestamp.from(since))
                .query(Long.class).single();
    }

    /** When the earliest mail sent since {@code since} was sent, if any was. */
    Optional<Instant> firstSentSince(Instant since) {
        return Optional.ofNullable(jdbc.sql("SELECT MIN(sent_at) FROM platform_mails WHERE sent_at >= ?")
                .param(Timestamp.from(since)).query(Timestamp.class).single()).map(Timestamp::toInstant);
    }

    /** Deletes sent and failed mails created before {@code before}. */
    int purge(Instant before) {
        return jdbc.sql("DELETE FROM platform_mails WHERE status <> 'QUEUED' AND created_at < ?")
                .param(Timestamp.from(before)).update();
    }
}
