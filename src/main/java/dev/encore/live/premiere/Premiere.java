package dev.encore.live.premiere;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.InsertOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;


/**
 * A premiere: one ready video played to every viewer at once from {@code startsAt}. It is
 * {@code scheduled} until then, {@code live} until its end ({@code endsAt}, or the end of the video
 * when none was given), then {@code ended}. The state is kept by jobs at those instants; what a
 * client is told is always {@link #stateAt(Instant) the state at the moment}, so a late job never
 * shows a wrong state.
 */
@Table("premieres")
class Premiere {

    @Id
    private UUID id;
    private UUID videoId;
    private UUID ownerId;
    private String title;
    private String description;
    private Instant startsAt;
    private Instant endsAt;
    private long durationMs;
    private PremiereState state;
    /** Raised only by {@link Premieres#raisePeak}: a save of the premiere never writes over it. */
    @InsertOnlyProperty
    private int peakViewers;
    private Instant createdAt;
    private Instant updatedAt;
    /** None until it is first stored (how Spring Data tells a new premiere), then counted up by every save. */
    @Version
    private Long version;

    /** For Spring Data, which fills the fields of one read from the database. */
    private Premiere() {
    }

    Premiere(UUID videoId, UUID ownerId, long durationMs, PremiereTimes times, Instant now) {
        this.id = UUID.randomUUID();
        this.videoId = videoId;
        this.ownerId = ownerId;
        this.durationMs = durationMs;
        this.state = PremiereState.SCHEDULED;
        this.createdAt = now;
        reschedule(times, now);
    }

    /** New times, to the millisecond (the planner allows it only before the start). */
    void reschedule(PremiereTimes times, Instant now) {
        // to the millisecond: what the database keeps (micros) and what the step jobs name are then the same
        this.startsAt = times.startsAt().truncatedTo(ChronoUnit.MILLIS);
        this.endsAt = times.endsAt() != null ? times.endsAt().truncatedTo(ChronoUnit.MILLIS) : null;
        this.updatedAt = now;
    }

    void describe(String title, String description, Instant now) {
        this.title = title;
        this.description = description;
        this.updatedAt = now;
    }

    /** The state at {@code now}, from the times alone. */
    PremiereState stateAt(Instant now) {
        if (now.isBefore(startsAt)) {
            return PremiereState.SCHEDULED;
        }
        return now.isBefore(endAt()) ? PremiereState.LIVE : PremiereState.ENDED;
    }

    /** When the premiere ends: {@code endsAt}, or the end of the video. */
    Instant endAt() {
        return endsAt != null ? endsAt : startsAt.plus(Duration.ofMillis(durationMs));
    }

    /** Moves the stored state on to {@code next}; false when it was there or beyond already. */
    boolean advanceTo(PremiereState next, Instant now) {
        if (next.ordinal() <= state.ordinal()) {
            return false;
        }
        this.state = next;
        this.updatedAt = now;
        return true;
    }

    UUID id() {
        return id;
    }

    UUID videoId() {
        return videoId;
    }

    UUID ownerId() {
        return ownerId;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }

    long durationMs() {
        return durationMs;
    }

    PremiereState state() {
        return state;
    }

    int peakViewers() {
        return peakViewers;
    }

    Instant createdAt() {
        return createdAt;
    }
}
