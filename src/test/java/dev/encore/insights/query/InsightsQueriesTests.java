package dev.encore.insights.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;

import dev.encore.insights.InsightsDatabase;
import dev.encore.insights.query.InsightsViews.TopItem;
import dev.encore.insights.rollup.Activity;
import dev.encore.insights.rollup.Counted;
import dev.encore.insights.rollup.RollUps;

class InsightsQueriesTests {

    private static final Instant DAY1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant DAY3 = Instant.parse("2026-03-03T10:00:00Z");
    private static final DateRange MARCH_1_TO_3 = new DateRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-03"));

    private final JdbcClient jdbc = InsightsDatabase.create();
    private final RollUps rollUps = new RollUps(jdbc, InsightsDatabase.properties(Duration.ofDays(30),
            Duration.ofDays(2)), Clock.fixed(DAY3, ZoneOffset.UTC));
    private final InsightsQueries queries = new InsightsQueries(jdbc);

    private final UUID owner = UUID.randomUUID();
    private final UUID fan = UUID.randomUUID();
    private final UUID hit = UUID.randomUUID();
    private final UUID flop = UUID.randomUUID();
    private final UUID clip = UUID.randomUUID();

    @Test
    void mineCountsOnlyMyActivityDayByDayWithZerosAndMyTopTracks() {
        count(Activity.PLAY, hit, fan, DAY1, 3);
        count(Activity.PLAY, flop, fan, DAY3, 1);
        count(Activity.WATCH, clip, fan, DAY3, 2);
        count(Activity.PLAY, hit, owner, DAY1, 5);

        InsightsViews.Mine mine = queries.mine(new Caller(fan, false), MARCH_1_TO_3, 10);

        assertThat(mine.totals()).isEqualTo(new InsightsViews.Totals(4, 2, 0, 0));
        assertThat(mine.days()).extracting(InsightsViews.Day::plays).containsExactly(3L, 0L, 1L);
        assertThat(mine.topTracks()).containsExactly(new TopItem("track", hit, "hit", 3), new TopItem("track", flop, "flop", 1));
        assertThat(mine.topVideos()).containsExactly(new TopItem("video", clip, "clip", 2));
    }

    @Test
    void anItemIsReadByItsOwnerAndAdminsOnly() {
        count(Activity.PLAY, hit, fan, DAY1, 2);
        count(Activity.PLAY, hit, fan, DAY3, 1);

        InsightsViews.Item item = queries.item(new Caller(owner, false), Activity.PLAY, hit, MARCH_1_TO_3);
        assertThat(item.total()).isEqualTo(3);
        assertThat(item.days()).extracting(InsightsViews.ItemDay::count).containsExactly(2L, 0L, 1L);
        assertThat(queries.item(new Caller(UUID.randomUUID(), true), Activity.PLAY, hit, MARCH_1_TO_3).total()).isEqualTo(3);

        assertThatThrownBy(() -> queries.item(new Caller(fan, false), Activity.PLAY, hit, MARCH_1_TO_3))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
        assertThatThrownBy(() -> queries.item(new Caller(owner, false), Activity.WATCH, hit, MARCH_1_TO_3))
                .as("the same id as another kind").isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void theOverviewCountsEveryoneWithActiveUsersPerDayAndOverTheRange() {
        count(Activity.PLAY, hit, fan, DAY1, 2);
        count(Activity.PLAY, hit, owner, DAY1, 1);
        count(Activity.DOWNLOAD, flop, owner, DAY3, 1);
        rollUps.count(new Counted(UUID.randomUUID(), Activity.IMPORT, UUID.randomUUID(), owner, owner, null, DAY3));

        InsightsViews.Overview overview = queries.overview(MARCH_1_TO_3, 10);

        assertThat(overview.totals()).isEqualTo(new InsightsViews.Totals(3, 0, 1, 1));
        assertThat(overview.activeUsers()).isEqualTo(2);
        assertThat(overview.days()).extracting(InsightsViews.Day::activeUsers).containsExactly(2L, 0L, 1L);
        assertThat(overview.topItems()).extracting(TopItem::id).containsExactly(hit, flop); // imports are not items
    }

    @Test
    void topItemsArePagedByCountAndStayInsideTheRange() {
        count(Activity.PLAY, hit, fan, DAY1, 3);
        count(Activity.PLAY, flop, fan, DAY1, 1);
        count(Activity.WATCH, clip, fan, DAY1, 2);
        count(Activity.PLAY, flop, fan, Instant.parse("2026-03-04T00:00:00Z"), 9);

        var first = queries.topItems(InsightsQueries.Scope.SERVER, InsightsQueries.ITEM_ACTIVITIES, MARCH_1_TO_3,
                PageRequest.of(0, 2));
        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(first.getContent()).extracting(TopItem::id).containsExactly(hit, clip);
        assertThat(queries.topItems(new InsightsQueries.Scope(fan), List.of(Activity.PLAY), MARCH_1_TO_3,
                PageRequest.of(1, 1)).getContent()).containsExactly(new TopItem("track", flop, "flop", 1));
    }

    private void count(Activity activity, UUID item, UUID user, Instant at, int times) {
        String name = item.equals(hit) ? "hit" : item.equals(flop) ? "flop" : "clip";
        for (int i = 0; i < times; i++) {
            rollUps.count(new Counted(UUID.randomUUID(), activity, item, owner, user, name, at));
        }
    }
}
