package dev.encore.live.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.live.LiveKind;
import dev.encore.live.LiveMember;
import dev.encore.live.LivePresence;

/**
 * The cluster's live connections in {@code live_presence}: one row per STOMP subscription to a
 * session topic, with the node that holds it. Answers {@link LivePresence} for every node.
 */
@Component
class PresenceTable implements LivePresence {

    /**
     * A user in a session.
     *
     * @param kind      the session's kind
     * @param sessionId the session
     * @param userId    the user
     */
    record Attendance(LiveKind kind, UUID sessionId, UUID userId) {
    }

    private final JdbcClient jdbc;

    PresenceTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public int count(LiveKind kind, UUID sessionId) {
        return jdbc.sql("SELECT COUNT(DISTINCT user_id) FROM live_presence WHERE kind = ? AND session_id = ?")
                .params(kind.slug(), sessionId).query(Integer.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<LiveMember> members(LiveKind kind, UUID sessionId) {
        return jdbc.sql("""
                SELECT user_id, MIN(username) AS username, MIN(joined_at) AS since FROM live_presence
                WHERE kind = ? AND session_id = ? GROUP BY user_id ORDER BY since, user_id""")
                .params(kind.slug(), sessionId)
                .query((rs, n) -> new LiveMember(rs.getObject("user_id", UUID.class), rs.getString("username"),
                        rs.getTimestamp("since").toInstant()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isPresent(LiveKind kind, UUID sessionId, UUID userId) {
        return jdbc.sql("SELECT COUNT(*) FROM live_presence WHERE kind = ? AND session_id = ? AND user_id = ?")
                .params(kind.slug(), sessionId, userId).query(Integer.class).single() > 0;
    }

    void insert(String node, String stompSession, String subscription, Attendance who, String username, Instant now) {
        jdbc.sql("""
                INSERT INTO live_presence (node_id, stomp_session_id, subscription_id, kind, session_id, user_id,
                username, joined_at, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(node, stompSession, subscription, who.kind().slug(), who.sessionId(), who.userId(), username,
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /**
     * A subscription of this node's.
     *
     * @param subscription the STOMP subscription id
     * @param who          whose attendance it is
     */
    record Row(String subscription, Attendance who) {
    }

    /** The subscriptions of one STOMP session (only {@code subscription} when it is not null). */
    List<Row> find(String node, String stompSession, String subscription) {
        String sql = "SELECT subscription_id, kind, session_id, user_id FROM live_presence WHERE node_id = ? "
                + "AND stomp_session_id = ?";
        return subscription == null
                ? jdbc.sql(sql).params(node, stompSession).query(PresenceTable::row).list()
                : jdbc.sql(sql + " AND subscription_id = ?").params(node, stompSession, subscription)
                        .query(PresenceTable::row).list();
    }

    /**
     * A subscription this node holds.
     *
     * @param stompSession its connection's STOMP session id
     * @param subscription the STOMP subscription id
     * @param who          whose attendance it is
     */
    record Held(String stompSession, String subscription, Attendance who) {
    }

    /** Every subscription to a session topic that {@code node} holds. */
    List<Held> held(String node) {
        return jdbc.sql("SELECT stomp_session_id, subscription_id, kind, session_id, user_id FROM live_presence "
                + "WHERE node_id = ?").params(node)
                .query((rs, n) -> new Held(rs.getString("stomp_session_id"), rs.getString("subscription_id"),
                        attendance(rs, n)))
                .list();
    }

    private static Row row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Row(rs.getString("subscription_id"), attendance(rs, row));
    }

    int delete(String node, String stompSession, String subscription) {
        return jdbc.sql("DELETE FROM live_presence WHERE node_id = ? AND stomp_session_id = ? AND subscription_id = ?")
                .params(node, stompSession, subscription).update();
    }

    void heartbeat(String node, Instant now) {
        jdbc.sql("UPDATE live_presence SET seen_at = ? WHERE node_id = ?").params(Timestamp.from(now), node).update();
    }

    /** Rows not refreshed since {@code before}: their node stopped without saying so. */
    List<Attendance> stale(Instant before) {
        return jdbc.sql("SELECT DISTINCT kind, session_id, user_id FROM live_presence WHERE seen_at < ?")
                .params(Timestamp.from(before)).query(PresenceTable::attendance).list();
    }

    int deleteStale(Instant before) {
        return jdbc.sql("DELETE FROM live_presence WHERE seen_at < ?").params(Timestamp.from(before)).update();
    }

    void deleteNode(String node) {
        jdbc.sql("DELETE FROM live_presence WHERE node_id = ?").params(node).update();
    }

    void deleteUser(UUID userId) {
        jdbc.sql("DELETE FROM live_presence WHERE user_id = ?").params(userId).update();
    }

    private static Attendance attendance(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Attendance(LiveKind.fromSlug(rs.getString("kind")).orElseThrow(),
                rs.getObject("session_id", UUID.class), rs.getObject("user_id", UUID.class));
    }
}
