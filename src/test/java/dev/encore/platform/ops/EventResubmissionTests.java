package dev.encore.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

/** Which incomplete publications the resubmission job takes: stale ones, after a pause that doubles. */
class EventResubmissionTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aPublicationIsLeftAloneWhileItsListenerMayStillBeWorking() {
        assertThat(EventResubmission.due(publication(Duration.ofMinutes(4), null, 0), NOW)).isFalse();
        assertThat(EventResubmission.due(publication(Duration.ofMinutes(6), null, 0), NOW)).isTrue();
    }

    @Test
    void eachAttemptDoublesThePauseBeforeTheNext() {
        assertThat(EventResubmission.due(publication(Duration.ofHours(1), Duration.ofMinutes(9), 1), NOW)).isFalse();
        assertThat(EventResubmission.due(publication(Duration.ofHours(1), Duration.ofMinutes(10), 1), NOW)).isTrue();
        assertThat(EventResubmission.due(publication(Duration.ofHours(3), Duration.ofMinutes(79), 4), NOW)).isFalse();
        assertThat(EventResubmission.due(publication(Duration.ofHours(3), Duration.ofMinutes(80), 4), NOW)).isTrue();
        assertThat(EventResubmission.due(publication(Duration.ofDays(9), Duration.ofHours(21), 30), NOW))
                .as("the pause stops growing at about 21 hours").isFalse();
        assertThat(EventResubmission.due(publication(Duration.ofDays(9), Duration.ofHours(22), 30), NOW)).isTrue();
    }

    private static EventPublication publication(Duration age, Duration sinceLastAttempt, int attempts) {
        return new EventPublication() {

            @Override
            public UUID getIdentifier() {
                return UUID.randomUUID();
            }

            @Override
            public Object getEvent() {
                return "event";
            }

            @Override
            public Instant getPublicationDate() {
                return NOW.minus(age);
            }

            @Override
            public Optional<Instant> getCompletionDate() {
                return Optional.empty();
            }

            @Override
            public Status getStatus() {
                return Status.FAILED;
            }

            @Override
            public Instant getLastResubmissionDate() {
                return sinceLastAttempt == null ? null : NOW.minus(sinceLastAttempt);
            }

            @Override
            public int getCompletionAttempts() {
                return attempts;
            }
        };
    }
}
