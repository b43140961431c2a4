package dev.encore.live.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.encore.live.LiveKind;

/** Chat rows ({@code live_chat_messages}) and mutes ({@code live_mutes}). */
@Component
class ChatMessages {

    private final JdbcClient jdbc;

    ChatMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LiveKind kind, UUID sessionId, ChatMessage message) {
        jdbc.sql("""
                INSERT INTO live_chat_messages (id, kind, session_id, user_id, username, text, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(message.id(), kind.slug(), sessionId, message.userId(), message.username(), message.text(),
                        Timestamp.from(message.sentAt()))
                .update();
    }

    /** Marks a message of the session deleted; false when there is no such live message. */
    boolean markDeleted(LiveKind kind, UUID sessionId, UUID messageId, Instant now) {
        return jdbc.sql("""
                UPDATE live_chat_messages SET deleted_at = ? WHERE id = ? AND kind = ? AND session_id = ?
                AND deleted_at IS NULL""")
                .params(Timestamp.from(now), messageId, kind.slug(), sessionId).update() > 0;
    }

    /** Messages not deleted, sent before {@code before}, newest first. */
    List<ChatMessage> page(LiveKind kind, UUID sessionId, Instant before, int size) {
        return jdbc.sql("""
                SELECT id, user_id, username, text, sent_at FROM live_chat_messages
                WHERE kind = ? AND session_id = ? AND deleted_at IS NULL AND sent_at < ?
                ORDER BY sent_at DESC, id DESC LIMIT ?""")
                .params(kind.slug(), sessionId, Timestamp.from(before), size).query(ChatMessages::message).list();
    }

    void mute(LiveKind kind, UUID sessionId, UUID userId, Instant until) {
        unmute(kind, sessionId, userId);
        jdbc.sql("INSERT INTO live_mutes (kind, session_id, user_id, until) VALUES (?, ?, ?, ?)")
                .params(kind.slug(), sessionId, userId, Timestamp.from(until)).update();
    }

    void unmute(LiveKind kind, UUID sessionId, UUID userId) {
        jdbc.sql("DELETE FROM live_mutes WHERE kind = ? AND session_id = ? AND user_id = ?")
                .params(kind.slug(), sessionId, userId).update();
    }

    Optional<Instant> mutedUntil(LiveKind kind, UUID sessionId, UUID userId, Instant now) {
        return jdbc.sql("SELECT until FROM live_mutes WHERE kind = ? AND session_id = ? AND user_id = ? AND until > ?")
                .params(kind.slug(), sessionId, userId, Timestamp.from(now)).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** Deletes messages sent before {@code before} and mutes that ran out; returns the messages deleted. */
    int purge(Instant before, Instant now) {
        jdbc.sql("DELETE FROM live_mutes WHERE until <= ?").params(Timestamp.from(now)).update();
        return jdbc.sql("DELETE FROM live_chat_messages WHERE sent_at < ?").params(Timestamp.from(before)).update();
    }

    void deleteUser(UUID userId) {
        jdbc.sql("DELETE FROM live_chat_messages WHERE user_id = ?").params(userId).update();
        jdbc.sql("DELETE FROM live_mutes WHERE user_id = ?").params(userId).update();
    }

    private static ChatMessage message(ResultSet rs, int row) throws SQLException {
        return new ChatMessage(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("username"), rs.getString("username"), rs.getString("text"), rs.getTimestamp("sent_at").toInstant());
    }
}
