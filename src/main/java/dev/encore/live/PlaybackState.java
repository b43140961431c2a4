package dev.encore.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Server-authoritative playback: what plays and where it is at a server instant. A client computes
 * where to be with {@link #positionAt(Instant)} from its estimate of the server's clock. Immutable;
 * the withers return a new state anchored at the given instant.
 *
 * @param itemId       the track or video playing; {@code null} when nothing is loaded
 * @param itemType     {@code track} or {@code video}; {@code null} when nothing is loaded
 * @param positionMs   position in milliseconds at {@code atServerTime}, ≥ 0
 * @param atServerTime the server instant {@code positionMs} refers to
 * @param playing      whether the position advances
 * @param rate         playback speed while playing, &gt; 0 (1.0 normal)
 */
public record PlaybackState(UUID itemId, String itemType, long positionMs, Instant atServerTime, boolean playing,
        double rate) {

    public PlaybackState {
        Objects.requireNonNull(atServerTime, "atServerTime");
        if (positionMs < 0) {
            throw new IllegalArgumentException("positionMs must be >= 0");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be > 0");
        }
    }

    /** Nothing loaded, paused at 0. */
    public static PlaybackState idle(Instant now) {
        return new PlaybackState(null, null, 0, now, false, 1.0);
    }

    /** {@code itemId} loaded at position 0, paused or playing, at normal speed. */
    public static PlaybackState start(UUID itemId, String itemType, Instant now, boolean playing) {
        return new PlaybackState(itemId, itemType, 0, now, playing, 1.0);
    }

    /**
     * The position in milliseconds at {@code now}: {@code positionMs} plus the elapsed time times
     * {@code rate} when playing (never less than {@code positionMs}, so an instant before
     * {@code atServerTime} gives {@code positionMs}); {@code positionMs} when paused. Not capped at
     * the item's duration: callers that know it clamp ({@link #endedBy}).
     */
    public long positionAt(Instant now) {
        if (!playing) {
            return positionMs;
        }
        long elapsedMs = Math.max(0, Duration.between(atServerTime, now).toMillis());
        return positionMs + Math.round(elapsedMs * rate);
    }

    /**
     * This state for an item {@code durationMs} long, as it stands at {@code now}: a position past the end is
     * the end, and an item that played to its end by {@code now} is paused there, anchored at the instant it
     * ended (as a premiere's video is once it is over). Nothing loaded, or an item still playing, is unchanged.
     */
    public PlaybackState endedBy(Instant now, long durationMs) {
        if (itemId == null || positionAt(now) < durationMs) {
            return this;
        }
        Instant end = playing ? atServerTime.plusMillis((long) Math.ceil(Math.max(0, durationMs - positionMs) / rate))
                : atServerTime;
        return new PlaybackState(itemId, itemType, durationMs, end.isAfter(now) ? now : end, false, rate);
    }

    /** Playing from where it is at {@code now} (or from {@code positionMs} when given). */
    public PlaybackState play(Instant now, Long positionMs) {
        long from = positionMs != null ? positionMs : positionAt(now);
        return new PlaybackState(itemId, itemType, from, now, true, rate);
    }

    /** Paused where it is at {@code now} (or at {@code positionMs} when given). */
    public PlaybackState pause(Instant now, Long positionMs) {
        long at = positionMs != null ? positionMs : positionAt(now);
        return new PlaybackState(itemId, itemType, at, now, false, rate);
    }

    /** Moved to {@code positionMs} at {@code now}, playing or paused as before. */
    public PlaybackState seek(Instant now, long positionMs) {
        return new PlaybackState(itemId, itemType, positionMs, now, playing, rate);
    }

    /** The same position at {@code now} with another speed. */
    public PlaybackState withRate(Instant now, double rate) {
        return new PlaybackState(itemId, itemType, positionAt(now), now, playing, rate);
    }

    /** Another item loaded at position 0 at {@code now}, playing or paused as before. */
    public PlaybackState withItem(UUID itemId, String itemType, Instant now) {
        return new PlaybackState(itemId, itemType, 0, now, playing, rate);
    }
}
