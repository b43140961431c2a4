package dev.encore.insights.report;

import java.time.Instant;
import java.util.List;

import dev.encore.insights.query.DateRange;
import dev.encore.insights.query.InsightsViews.Day;
import dev.encore.insights.query.InsightsViews.TopItem;
import dev.encore.insights.query.InsightsViews.Totals;

/**
 * What a report holds, whatever its format.
 *
 * @param title       e.g. "Encore insights: my activity"
 * @param server      whether it covers the whole server (then days carry active users)
 * @param range       the days covered (UTC)
 * @param generatedAt when it was made
 * @param totals      over the range
 * @param days        every day of the range
 * @param topItems    the most played, watched and downloaded items, highest first
 */
record Report(String title, boolean server, DateRange range, Instant generatedAt, Totals totals, List<Day> days,
        List<TopItem> topItems) {

    /** The column headers of the days table. */
    List<String> dayHeaders() {
        return server ? List.of("date", "plays", "watches", "downloads", "imports", "active users")
                : List.of("date", "plays", "watches", "downloads", "imports");
    }

    /** The counts of a day, in the order of {@link #dayHeaders()} after the date. */
    List<Long> dayCounts(Day day) {
        return server ? List.of(day.plays(), day.watches(), day.downloads(), day.imports(), day.activeUsers())
                : List.of(day.plays(), day.watches(), day.downloads(), day.imports());
    }

    /** The column headers of the top items table. */
    static final List<String> ITEM_HEADERS = List.of("kind", "id", "name", "count");

    /** What the count of an item of this kind counts. */
    static String counted(String kind) {
        return switch (kind) {
            case "track" -> "plays";
            case "video" -> "watches";
            default -> "downloads";
        };
    }
}
