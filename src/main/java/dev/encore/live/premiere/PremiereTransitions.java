package dev.encore.live.premiere;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.live.LiveBroadcasts;
import dev.encore.live.LiveKind;
import dev.encore.live.LivePresence;
import dev.encore.live.PlaybackState;

/**
 * Moves premieres on (scheduled → live → ended) and tells their viewers with a {@code state} message.
 * Each step happens once: a second attempt (two nodes, a catch-up) finds it done.
 */
@Component
class PremiereTransitions {

    private final Premieres premieres;
    private final LiveBroadcasts broadcasts;
    private final LivePresence presence;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PremiereTransitions(Premieres premieres, LiveBroadcasts broadcasts, LivePresence presence,
            TransactionTemplate transactions, Clock clock) {
        this.premieres = premieres;
        this.broadcasts = broadcasts;
        this.presence = presence;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Moves premiere {@code id} on to {@code next} when its time for that step is still
     * {@code atEpochMs} (a rescheduled premiere's old job does nothing) and it is not there yet.
     */
    void advance(UUID id, PremiereState next, long atEpochMs) {
        Premiere moved;
        try {
            moved = transactions.execute(status -> premieres.findById(id)
                    .filter(premiere -> stepTime(premiere, next).toEpochMilli() == atEpochMs)
                    .filter(premiere -> premiere.advanceTo(next, clock.instant()))
                    .map(premieres::save).orElse(null));
        }
        catch (OptimisticLockingFailureException raced) {
            return; // another node (or a catch-up) took this step, or the premiere changed: theirs stands
        }
        if (moved != null) {
            announce(moved, next);
        }
    }

    /** The state message of a premiere that moved on: to its viewers, and the peak counts who waited for the start. */
    void announce(Premiere premiere, PremiereState state) {
        if (state == PremiereState.LIVE) {
            int viewers = presence.count(LiveKind.PREMIERE, premiere.id());
            transactions.executeWithoutResult(status -> premieres.raisePeak(premiere.id(), viewers));
        }
        Instant now = clock.instant();
        PlaybackState playback = state == PremiereState.LIVE ? PremiereView.playback(premiere, now) : null;
        broadcasts.send(LiveKind.PREMIERE, premiere.id(), "state",
                new StateMessage(state.value(), premiere.startsAt(), premiere.endAt(), playback));
    }

    /**
     * The body of a {@code state} message.
     *
     * @param state    {@code live}, {@code ended} or {@code cancelled}
     * @param startsAt when it starts (started)
     * @param endsAt   when it ends
     * @param playback while live, the playback state; null otherwise
     */
    record StateMessage(String state, Instant startsAt, Instant endsAt, PlaybackState playback) {
    }

    private static Instant stepTime(Premiere premiere, PremiereState step) {
        return step == PremiereState.LIVE ? premiere.startsAt() : premiere.endAt();
    }
}
