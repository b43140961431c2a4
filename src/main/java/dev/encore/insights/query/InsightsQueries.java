package dev.encore.insights.query;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.encore.insights.query.InsightsViews.Day;
import dev.encore.insights.query.InsightsViews.Item;
import dev.encore.insights.query.InsightsViews.ItemDay;
import dev.encore.insights.query.InsightsViews.Mine;
import dev.encore.insights.query.InsightsViews.Overview;
import dev.encore.insights.query.InsightsViews.TopItem;
import dev.encore.insights.query.InsightsViews.Totals;
import dev.encore.insights.rollup.Activity;
import dev.encore.platform.Problems;

/** Reads the roll-ups: a member's own activity, an owner's item, the server's overview. */
@Service
public class InsightsQueries {

    /** The activities whose items are listed as top items (imports are only counted). */
    public static final List<Activity> ITEM_ACTIVITIES = List.of(Activity.PLAY, Activity.WATCH, Activity.DOWNLOAD);

    private static final String TOP = """
            SELECT d.activity, d.item_id, MAX(i.name) AS name, SUM(d.hits) AS total
            FROM %s d LEFT JOIN insights_items i ON i.activity = d.activity AND i.item_id = d.item_id
            WHERE d.on_day BETWEEN :from AND :to AND d.activity IN (:activities) %s
            GROUP BY d.activity, d.item_id ORDER BY total DESC, d.item_id LIMIT :limit OFFSET :offset""";
    private static final String TOP_COUNT = """
            SELECT COUNT(*) FROM (SELECT DISTINCT d.activity, d.item_id FROM %s d
            WHERE d.on_day BETWEEN :from AND :to AND d.activity IN (:activities) %s) x""";

    private final JdbcClient jdbc;

    public InsightsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whose items and activity a question is about: one user's, or the whole server's (null). */
    public record Scope(UUID userId) {

        public static final Scope SERVER = new Scope(null);

        String table() {
            return userId == null ? "insights_item_days" : "insights_user_days";
        }

        String where() {
            return userId == null ? "" : "AND d.user_id = :user";
        }
    }

    /** The member's own activity per day, with their {@code limit} most played tracks and watched videos. */
    @Transactional(readOnly = true)
    public Mine mine(Caller caller, DateRange range, int limit) {
        Scope scope = new Scope(caller.userId());
        Map<LocalDate, long[]> counts = dailyCounts(scope, range);
        List<Day> days = days(range, counts, Map.of());
        return new Mine(range.from(), range.to(), totals(days), days,
                top(scope, List.of(Activity.PLAY), range, limit, 0), top(scope, List.of(Activity.WATCH), range, limit, 0));
    }

    /**
     * An item's counts per day, for its owner or an admin.
     *
     * @throws org.springframework.web.ErrorResponseException 404 when insights knows no such item of the
     *         caller's (nothing counted yet, or someone else's)
     */
    @Transactional(readOnly = true)
    public Item item(Caller caller, Activity activity, UUID id, DateRange range) {
        record Known(UUID ownerId, String name) {
        }
        Known known = jdbc.sql("SELECT owner_id, name FROM insights_items WHERE activity = ? AND item_id = ?")
                .params(activity.name(), id).query((rs, row) -> new Known(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional().filter(item -> caller.admin() || caller.userId().equals(item.ownerId()))
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND,
                        "not-found", "Not found", "No such " + activity.kind() + " of yours with insights."), null));
        Map<LocalDate, Long> perDay = new HashMap<>();
        jdbc.sql("SELECT on_day, hits FROM insights_item_days WHERE activity = ? AND item_id = ? "
                + "AND on_day BETWEEN ? AND ?").params(activity.name(), id, range.from(), range.to())
                .query(rs -> {
                    perDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        List<ItemDay> days = range.days().stream().map(day -> new ItemDay(day, perDay.getOrDefault(day, 0L))).toList();
        return new Item(activity.kind(), id, known.name(), range.from(), range.to(),
                days.stream().mapToLong(ItemDay::count).sum(), days);
    }

    /** The server's activity per day, its active users and its {@code limit} top items. */
    @Transactional(readOnly = true)
    public Overview overview(DateRange range, int limit) {
        Map<LocalDate, long[]> counts = dailyCounts(Scope.SERVER, range);
        Map<LocalDate, Long> active = new HashMap<>();
        jdbc.sql("SELECT on_day, COUNT(DISTINCT user_id) FROM insights_user_days WHERE on_day BETWEEN ? AND ? "
                + "GROUP BY on_day").params(range.from(), range.to())
                .query(rs -> {
                    active.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        long activeUsers = jdbc.sql("SELECT COUNT(DISTINCT user_id) FROM insights_user_days WHERE on_day BETWEEN ? AND ?")
                .params(range.from(), range.to()).query(Long.class).single();
        List<Day> days = days(range, counts, active);
        return new Overview(range.from(), range.to(), totals(days), activeUsers, days,
                top(Scope.SERVER, ITEM_ACTIVITIES, range, limit, 0));
    }

    /** Items of the scope by count, highest first (then by id), a page at a time. */
    @Transactional(readOnly = true)
    public Page<TopItem> topItems(Scope scope, List<Activity> activities, DateRange range, Pageable page) {
        long total = jdbc.sql(TOP_COUNT.formatted(scope.table(), scope.where()))
                .params(params(scope, activities, range)).query(Long.class).single();
        return new PageImpl<>(top(scope, activities, range, page.getPageSize(), page.getOffset()), page, total);
    }

    private List<TopItem> top(Scope scope, List<Activity> activities, DateRange range, int limit, long offset) {
        Map<String, Object> params = params(scope, activities, range);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(TOP.formatted(scope.table(), scope.where())).params(params)
                .query((rs, row) -> new TopItem(Activity.valueOf(rs.getString(1)).kind(), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getLong(4)))
                .list();
    }

    private static Map<String, Object> params(Scope scope, List<Activity> activities, DateRange range) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", range.from());
        params.put("to", range.to());
        params.put("activities", activities.stream().map(Activity::name).toList());
        if (scope.userId() != null) {
            params.put("user", scope.userId());
        }
        return params;
    }

    /** Per day, the counts of each activity (indexed by ordinal). */
    private Map<LocalDate, long[]> dailyCounts(Scope scope, DateRange range) {
        Map<LocalDate, long[]> counts = new HashMap<>();
        jdbc.sql("SELECT d.on_day, d.activity, SUM(d.hits) FROM " + scope.table() + " d "
                + "WHERE d.on_day BETWEEN :from AND :to AND d.activity IN (:activities) " + scope.where()
                + " GROUP BY d.on_day, d.activity").params(params(scope, List.of(Activity.values()), range))
                .query(rs -> {
                    counts.computeIfAbsent(rs.getObject(1, LocalDate.class), day -> new long[Activity.values().length])
                            [Activity.valueOf(rs.getString(2)).ordinal()] = rs.getLong(3);
                });
        return counts;
    }

    private static List<Day> days(DateRange range, Map<LocalDate, long[]> counts, Map<LocalDate, Long> active) {
        long[] none = new long[Activity.values().length];
        return range.days().stream().map(day -> {
            long[] of = counts.getOrDefault(day, none);
            return new Day(day, of[Activity.PLAY.ordinal()], of[Activity.WATCH.ordinal()],
                    of[Activity.DOWNLOAD.ordinal()], of[Activity.IMPORT.ordinal()], active.getOrDefault(day, 0L));
        }).toList();
    }

    static Totals totals(List<Day> days) {
        return new Totals(days.stream().mapToLong(Day::plays).sum(), days.stream().mapToLong(Day::watches).sum(),
                days.stream().mapToLong(Day::downloads).sum(), days.stream().mapToLong(Day::imports).sum());
    }
}
