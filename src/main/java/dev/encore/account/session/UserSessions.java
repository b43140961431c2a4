package dev.encore.account.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface UserSessions extends ListCrudRepository<UserSession, UUID> {

    List<UserSession> findByUserIdOrderByCreatedAtDesc(UUID userId);

    /**
     * Ends a session unless it had ended already; a statement rather than a save, so it works from a
     * copy read before another request changed the session (a refresh that lost a race revokes it).
     */
    @Modifying
    @Query("UPDATE account_sessions SET revoked_at = :now, revoked_reason = :reason, version = version + 1"
            + " WHERE id = :id AND revoked_at IS NULL")
    int revoke(UUID id, String reason, Instant now);
}
