package dev.encore.live;

import java.util.UUID;

/**
 * One kind of live session as the live core sees it. Each kind ({@code live.room},
 * {@code live.premiere}, {@code live.presenter}) registers one bean; the core finds it by
 * {@link #kind()} to guard topic subscriptions and chat, to decide on moderation and to send a
 * joiner its first snapshot. Methods must answer {@code false} / throw nothing for unknown or
 * closed sessions.
 */
public interface LiveSessions {

    /** The kind this bean answers for; exactly one bean per kind. */
    LiveKind kind();

    /**
     * Whether {@code userId} may subscribe to the session's topic and use its chat (a room member,
     * a viewer who may see the premiered video or the presentation). {@code false} for an unknown session.
     */
    boolean mayJoin(UUID userId, UUID sessionId);

    /**
     * Whether {@code userId} moderates the session (the host or owner); the core lets admins
     * moderate as well without asking.
     */
    boolean mayModerate(UUID userId, UUID sessionId);

    /** Whether the session currently accepts chat messages (e.g. {@code false} once it ended). */
    boolean chatEnabled(UUID sessionId);

    /**
     * The full state a joiner gets first, serialized as JSON under {@code data} of the
     * {@code snapshot} message on {@code /user/queue/live}; {@code null} when the session is gone.
     *
     * @param forUser the joiner, for per-user fields (e.g. signed stream URLs)
     */
    Object snapshot(UUID sessionId, UUID forUser);
}
