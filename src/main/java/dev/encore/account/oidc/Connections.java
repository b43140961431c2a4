package dev.encore.account.oidc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Provider accounts connected to Encore accounts, known by issuer and subject (never by email). An
 * account has at most one connection per provider, and a provider account belongs to one Encore account.
 */
@Component
class Connections {

    record Connection(UUID id, UUID userId, String provider, String issuer, String subject, String email,
            Instant createdAt, Instant lastUsedAt) {
    }

    private static final String COLUMNS = "id, user_id, provider, issuer, subject, email, created_at, last_used_at";
    private static final RowMapper<Connection> ROW = (row, n) -> new Connection(row.getObject("id", UUID.class),
            row.getObject("user_id", UUID.class), row.getString("provider"), row.getString("issuer"),
            row.getString("subject"), row.getString("email"), row.getTimestamp("created_at").toInstant(),
            row.getTimestamp("last_used_at") == null ? null : row.getTimestamp("last_used_at").toInstant());

    private final JdbcClient jdbc;

    Connections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Connection> findBySubject(String issuer, String subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_oidc_connections WHERE issuer = ? AND subject = ?")
                .params(issuer, subject).query(ROW).optional();
    }

    List<Connection> findByUser(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_oidc_connections WHERE user_id = ? ORDER BY created_at")
                .param(userId).query(ROW).list();
    }

    /**
     * Connects; the unique keys refuse a second connection of the same provider account or of the same
     * provider to one Encore account.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when either is taken already
     */
    void insert(Connection connection) {
        jdbc.sql("INSERT INTO account_oidc_connections (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(connection.id(), connection.userId(), connection.provider(), connection.issuer(),
                        connection.subject(), connection.email(), java.sql.Timestamp.from(connection.createdAt()),
                        connection.lastUsedAt() == null ? null : java.sql.Timestamp.from(connection.lastUsedAt()))
                .update();
    }

    void touch(UUID id, String email, Instant now) {
        jdbc.sql("UPDATE account_oidc_connections SET last_used_at = ?, email = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(now), email, id).update();
    }

    int delete(UUID userId, String provider) {
        return jdbc.sql("DELETE FROM account_oidc_connections WHERE user_id = ? AND provider = ?")
                .params(userId, provider).update();
    }
}
