package dev.encore.insights.rollup;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Insights ({@code encore.insights.*}).
 *
 * @param retention      how long daily roll-ups are kept (whole days; the daily clean-up deletes older days)
 * @param eventMemory    how long counted event ids are remembered, so that an event delivered again
 *                       (the event publication registry resubmits unfinished ones) is not counted twice;
 *                       longer than any redelivery delay
 * @param maxRangeDays   the longest date range one question or report may span, in days
 * @param reportTopItems how many top items a report lists
 */
@Validated
@ConfigurationProperties("encore.insights")
public record InsightsProperties(@NotNull @DefaultValue("730d") Duration retention,
        @NotNull @DefaultValue("14d") Duration eventMemory,
        @Min(1) @Max(3660) @DefaultValue("366") int maxRangeDays,
        @Min(1) @Max(1000) @DefaultValue("100") int reportTopItems) {

    @AssertTrue(message = "must be at least one day")
    boolean isRetentionAtLeastADay() {
        return retention == null || retention.compareTo(Duration.ofDays(1)) >= 0;
    }

    @AssertTrue(message = "must be at least one hour")
    boolean isEventMemoryAtLeastAnHour() {
        return eventMemory == null || eventMemory.compareTo(Duration.ofHours(1)) >= 0;
    }
}
