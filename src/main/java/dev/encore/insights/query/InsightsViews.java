package dev.encore.insights.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the insights API answers. */
public final class InsightsViews {

    private InsightsViews() {
    }

    /**
     * Counts of each activity.
     *
     * @param plays     track plays (streams from the first byte)
     * @param watches   video viewings started
     * @param downloads file downloads through signed links
     * @param imports   imports queued
     */
    @Schema(name = "InsightsTotals")
    public record Totals(long plays, long watches, long downloads, long imports) {
    }

    /**
     * One UTC day.
     *
     * @param day         the day
     * @param plays       track plays
     * @param watches     video viewings
     * @param downloads   file downloads
     * @param imports     imports queued
     * @param activeUsers distinct users who did any of it (server overview only; 0 elsewhere)
     */
    @Schema(name = "InsightsDay")
    public record Day(LocalDate day, long plays, long watches, long downloads, long imports, long activeUsers) {
    }

    /**
     * An item and how often it was played, watched or downloaded in the range.
     *
     * @param kind  {@code track}, {@code video} or {@code file}
     * @param id    the item
     * @param name  its name when last counted (null once its owner's account is gone)
     * @param count plays, viewings or downloads
     */
    @Schema(name = "InsightsTopItem")
    public record TopItem(String kind, UUID id, String name, long count) {
    }

    /**
     * A member's own activity.
     *
     * @param from      first day (UTC)
     * @param to        last day (UTC), included
     * @param totals    over the range
     * @param days      every day of the range, zeros included
     * @param topTracks the tracks I played most
     * @param topVideos the videos I watched most
     */
    @Schema(name = "MyInsights")
    public record Mine(LocalDate from, LocalDate to, Totals totals, List<Day> days, List<TopItem> topTracks,
            List<TopItem> topVideos) {
    }

    /**
     * One of my items.
     *
     * @param kind  {@code track} (plays), {@code video} (viewings) or {@code file} (downloads)
     * @param id    the item
     * @param name  its name when last counted
     * @param from  first day (UTC)
     * @param to    last day (UTC), included
     * @param total over the range
     * @param days  every day of the range with its count, zeros included
     */
    @Schema(name = "ItemInsights")
    public record Item(String kind, UUID id, String name, LocalDate from, LocalDate to, long total,
            List<ItemDay> days) {
    }

    /**
     * One day of an item.
     *
     * @param day   the day (UTC)
     * @param count plays, viewings or downloads that day
     */
    @Schema(name = "ItemInsightsDay")
    public record ItemDay(LocalDate day, long count) {
    }

    /**
     * The whole server.
     *
     * @param from        first day (UTC)
     * @param to          last day (UTC), included
     * @param totals      over the range
     * @param activeUsers distinct users active in the range
     * @param days        every day of the range, zeros included
     * @param topItems    the most played, watched and downloaded items
     */
    @Schema(name = "InsightsOverview")
    public record Overview(LocalDate from, LocalDate to, Totals totals, long activeUsers, List<Day> days,
            List<TopItem> topItems) {
    }
}
