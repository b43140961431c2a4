package dev.encore.insights.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.encore.insights.InsightsDatabase;

class RollUpsTests {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final JdbcClient jdbc = InsightsDatabase.create();
    private final RollUps rollUps = new RollUps(jdbc,
            InsightsDatabase.properties(Duration.ofDays(30), Duration.ofDays(2)), Clock.fixed(NOW, ZoneOffset.UTC));

    private final UUID track = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();
    private final UUID listener = UUID.randomUUID();

    @Test
    void countsARedeliveredEventOnce() {
        Counted play = play(UUID.randomUUID(), listener, NOW);
        assertThat(rollUps.count(play)).isTrue();
        assertThat(rollUps.count(play)).isFalse();
        assertThat(itemHits(LocalDate.parse("2026-03-10"))).isEqualTo(1);
        assertThat(userHits(listener)).isEqualTo(1);
    }

    @Test
    void countsEachEventOnItsUtcDayPerItemAndPerUser() {
        UUID other = UUID.randomUUID();
        rollUps.count(play(UUID.randomUUID(), listener, Instant.parse("2026-03-09T23:59:59Z")));
        rollUps.count(play(UUID.randomUUID(), listener, Instant.parse("2026-03-10T00:00:00Z")));
        rollUps.count(play(UUID.randomUUID(), other, Instant.parse("2026-03-10T08:00:00Z")));
        assertThat(itemHits(LocalDate.parse("2026-03-09"))).isEqualTo(1);
        assertThat(itemHits(LocalDate.parse("2026-03-10"))).isEqualTo(2);
        assertThat(userHits(listener)).isEqualTo(2);
        assertThat(userHits(other)).isEqualTo(1);
    }

    @Test
    void keepsTheLatestNameAndTheFirstOwner() {
        rollUps.count(new Counted(UUID.randomUUID(), Activity.PLAY, track, owner, listener, "old.mp3", NOW));
        rollUps.count(new Counted(UUID.randomUUID(), Activity.PLAY, track, owner, listener, "new.mp3", NOW));
        assertThat(jdbc.sql("SELECT name FROM insights_items WHERE item_id = ?").params(track).query(String.class)
                .single()).isEqualTo("new.mp3");
    }

    @Test
    void aDeletedAccountLosesItsPersonalRollUpsAndItsItemsTheirOwnerButTotalsStay() {
        rollUps.count(play(UUID.randomUUID(), listener, NOW));
        rollUps.count(play(UUID.randomUUID(), owner, NOW));
        rollUps.forget(listener);
        assertThat(userHits(listener)).isZero();
        assertThat(userHits(owner)).isEqualTo(1);
        assertThat(itemHits(LocalDate.parse("2026-03-10"))).isEqualTo(2);

        rollUps.forget(owner);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insights_items WHERE owner_id IS NULL AND name IS NULL AND item_id = ?")
                .params(track).query(Long.class).single()).isEqualTo(1);
        assertThat(itemHits(LocalDate.parse("2026-03-10"))).isEqualTo(2);
    }

    @Test
    void purgeDropsDaysPastRetentionAndEventIdsPastTheirMemory() {
        UUID old = UUID.randomUUID();
        rollUps.count(play(old, listener, NOW.minus(Duration.ofDays(31))));
        rollUps.count(play(UUID.randomUUID(), listener, NOW.minus(Duration.ofDays(29))));
        jdbc.sql("UPDATE insights_counted_events SET counted_at = ? WHERE event_id = ?")
                .params(NOW.minus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC), old).update();

        assertThat(rollUps.purgeExpired()).isEqualTo(2); // the old day's item row and user row
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insights_item_days").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insights_counted_events").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insights_items").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void purgeForgetsItemsNothingCountsAnyMore() {
        rollUps.count(play(UUID.randomUUID(), listener, NOW.minus(Duration.ofDays(40))));
        rollUps.purgeExpired();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insights_items").query(Long.class).single()).isZero();
    }

    @Test
    void anAnonymousEventCountsForTheItemOnly() {
        rollUps.count(play(UUID.randomUUID(), null, NOW));
        assertThat(itemHits(LocalDate.parse("2026-03-10"))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insights_user_days").query(Long.class).single()).isZero();
    }

    private Counted play(UUID eventId, UUID user, Instant at) {
        return new Counted(eventId, Activity.PLAY, track, owner, user, "song.mp3", at);
    }

    private long itemHits(LocalDate day) {
        return jdbc.sql("SELECT COALESCE(SUM(hits), 0) FROM insights_item_days WHERE item_id = ? AND on_day = ?")
                .params(track, day).query(Long.class).single();
    }

    private long userHits(UUID user) {
        return jdbc.sql("SELECT COALESCE(SUM(hits), 0) FROM insights_user_days WHERE user_id = ?").params(user)
                .query(Long.class).single();
    }
}
