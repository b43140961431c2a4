package dev.encore.live.session;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.encore.account.Accounts;
import dev.encore.live.LiveKind;
import dev.encore.live.LiveSessions;

/**
 * Finds the {@link LiveSessions} bean of each kind and answers the questions the core asks of them,
 * adding what the core decides itself (admins moderate everywhere). A kind without a bean has no
 * sessions: nobody may join or moderate them.
 */
@Component
public class LiveAccess {

    private static final Logger log = LoggerFactory.getLogger(LiveAccess.class);

    private final ObjectProvider<LiveSessions> provider;
    private final Accounts accounts;
    private volatile Map<LiveKind, LiveSessions> byKind;

    LiveAccess(ObjectProvider<LiveSessions> provider, Accounts accounts) {
        this.provider = provider;
        this.accounts = accounts;
    }

    /** The bean answering for {@code kind}, if one is registered. */
    public Optional<LiveSessions> sessions(LiveKind kind) {
        return Optional.ofNullable(kinds().get(kind));
    }

    /** Whether {@code userId} may subscribe to the session and use its chat. */
    public boolean mayJoin(LiveKind kind, UUID sessionId, UUID userId) {
        return sessions(kind).map(sessions -> sessions.mayJoin(userId, sessionId)).orElse(false);
    }

    /** Whether {@code userId} may moderate the session: its host or owner, or an admin. */
    public boolean mayModerate(LiveKind kind, UUID sessionId, UUID userId) {
        if (sessions(kind).map(sessions -> sessions.mayModerate(userId, sessionId)).orElse(false)) {
            return true;
        }
        return accounts.standing(userId).map(standing -> standing.enabled() && standing.admin()).orElse(false);
    }

    /** Whether the session takes chat messages now. */
    public boolean chatEnabled(LiveKind kind, UUID sessionId) {
        return sessions(kind).map(sessions -> sessions.chatEnabled(sessionId)).orElse(false);
    }

    /** The account's username, or a placeholder once it is gone. */
    public String username(UUID userId) {
        return accounts.username(userId).orElse("(deleted)");
    }

    /** The name to show for the account: its display name, its username when it has none, a placeholder once it is gone. */
    public String displayName(UUID userId) {
        return accounts.displayNames(List.of(userId)).getOrDefault(userId, "(deleted)");
    }

    /** {@link #displayName(UUID)} of each account that still exists, by id (look gone ones up by their stored username). */
    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        return accounts.displayNames(userIds);
    }

    private Map<LiveKind, LiveSessions> kinds() {
        Map<LiveKind, LiveSessions> kinds = byKind;
        if (kinds == null) {
            kinds = new EnumMap<>(LiveKind.class);
            // ordered: a test may register its own bean for a kind ahead of the real one
            for (LiveSessions sessions : provider.orderedStream().toList()) {
                if (kinds.putIfAbsent(sessions.kind(), sessions) != null) {
                    log.warn("A second LiveSessions bean for {} is ignored: {}", sessions.kind(), sessions.getClass().getName());
                }
            }
            byKind = kinds;
        }
        return kinds;
    }
}
