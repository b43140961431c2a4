package dev.encore.live.premiere;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.library.VideoSummary;
import dev.encore.live.LiveJoined;
import dev.encore.live.LiveKind;
import dev.encore.live.LivePresence;
import dev.encore.live.LiveSessions;

/**
 * Premieres as live sessions: whoever may see the video may join (and chat while it is not over);
 * the video's owner moderates; a joiner's snapshot is the premiere as they see it, with the live
 * playback state. Every join while live raises the stored peak to the viewer count.
 */
@Component
class PremiereSessions implements LiveSessions {

    private final Premieres premieres;
    private final PremiereViews views;
    private final LivePresence presence;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PremiereSessions(Premieres premieres, PremiereViews views, LivePresence presence,
            TransactionTemplate transactions, Clock clock) {
        this.premieres = premieres;
        this.views = views;
        this.presence = presence;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public LiveKind kind() {
        return LiveKind.PREMIERE;
    }

    @Override
    public boolean mayJoin(UUID userId, UUID sessionId) {
        return premieres.findById(sessionId).flatMap(premiere -> views.video(userId, premiere)).isPresent();
    }

    @Override
    public boolean mayModerate(UUID userId, UUID sessionId) {
        return premieres.findById(sessionId).map(premiere -> premiere.ownerId().equals(userId)).orElse(false);
    }

    @Override
    public boolean chatEnabled(UUID sessionId) {
        return premieres.findById(sessionId)
                .map(premiere -> premiere.stateAt(clock.instant()) != PremiereState.ENDED).orElse(false);
    }

    @Override
    public Object snapshot(UUID sessionId, UUID forUser) {
        Optional<Premiere> premiere = premieres.findById(sessionId);
        Optional<VideoSummary> video = premiere.flatMap(found -> views.video(forUser, found));
        return video.map(summary -> views.of(premiere.get(), summary)).orElse(null);
    }

    @EventListener
    void on(LiveJoined joined) {
        if (joined.kind() != LiveKind.PREMIERE) {
            return;
        }
        premieres.findById(joined.sessionId())
                .filter(premiere -> premiere.stateAt(clock.instant()) == PremiereState.LIVE)
                .ifPresent(premiere -> {
                    int viewers = presence.count(LiveKind.PREMIERE, premiere.id());
                    transactions.executeWithoutResult(status -> premieres.raisePeak(premiere.id(), viewers));
                });
    }
}
