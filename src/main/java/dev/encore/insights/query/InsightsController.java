package dev.encore.insights.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.insights.query.InsightsViews.Item;
import dev.encore.insights.query.InsightsViews.Mine;
import dev.encore.insights.query.InsightsViews.Overview;
import dev.encore.insights.query.InsightsViews.TopItem;
import dev.encore.insights.rollup.Activity;
import dev.encore.insights.rollup.InsightsProperties;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;

@Tag(name = "insights", description = "Play, viewing and download statistics: daily roll-ups over UTC days")
@RestController
class InsightsController {

    private static final String RANGE = " Range: from and to are ISO dates (UTC days, both included); to defaults "
            + "to today, from to 29 days before to; at most encore.insights.max-range-days (366) days.";

    private final InsightsQueries queries;
    private final InsightsProperties properties;
    private final Clock clock;

    InsightsController(InsightsQueries queries, InsightsProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "My activity", description = "My plays, viewings, downloads and imports per day and in "
            + "total, with the tracks I played and the videos I watched most." + RANGE)
    @ApiResponse(responseCode = "400", description = "A date that is not an ISO date, to before from, a range too "
            + "long, or limit out of 1-50")
    @GetMapping("/api/v1/insights/me")
    Mine mine(Authentication auth,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "top tracks and videos listed (1-50)") @RequestParam(defaultValue = "10")
            @Min(1) @Max(50) int limit) {
        return queries.mine(Caller.of(auth), range(from, to), limit);
    }

    @Operation(summary = "What I played, watched and downloaded most", description = "Items by count, highest "
            + "first; kind narrows to track, video or file." + RANGE)
    @ApiResponse(responseCode = "400", description = "Bad kind, dates or page")
    @GetMapping("/api/v1/insights/me/items")
    PageResponse<TopItem> myItems(Authentication auth,
            @Parameter(description = "track, video or file") @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Valid PageQuery page) {
        return PageResponse.from(queries.topItems(new InsightsQueries.Scope(Caller.of(auth).userId()),
                activities(kind), range(from, to), page.toPageable(Set.of(), Sort.unsorted())), item -> item);
    }

    @Operation(summary = "An item of mine, per day", description = "Plays of a track, viewings of a video or "
            + "downloads of a file of mine, per day; admins may read any item." + RANGE)
    @ApiResponse(responseCode = "400", description = "kind is not track, video or file, or bad dates")
    @ApiResponse(responseCode = "404", description = "not-found: not an item of mine, or nothing counted for it yet")
    @GetMapping("/api/v1/insights/items/{kind}/{id}")
    Item item(Authentication auth, @Parameter(description = "track, video or file") @PathVariable String kind,
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.item(Caller.of(auth), itemActivity(kind), id, range(from, to));
    }

    @Operation(summary = "The server's activity (admins)", description = "Plays, viewings, downloads, imports and "
            + "active users per day and in total, with the top items." + RANGE)
    @ApiResponse(responseCode = "400", description = "Bad dates or limit")
    @ApiResponse(responseCode = "403", description = "forbidden: admins only")
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/api/v1/insights/overview")
    Overview overview(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "top items listed (1-50)") @RequestParam(defaultValue = "10")
            @Min(1) @Max(50) int limit) {
        return queries.overview(range(from, to), limit);
    }

    @Operation(summary = "The server's top items (admins)", description = "Items by count, highest first; kind "
            + "narrows to track, video or file." + RANGE)
    @ApiResponse(responseCode = "400", description = "Bad kind, dates or page")
    @ApiResponse(responseCode = "403", description = "forbidden: admins only")
    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/api/v1/insights/overview/items")
    PageResponse<TopItem> serverItems(
            @Parameter(description = "track, video or file") @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Valid PageQuery page) {
        return PageResponse.from(queries.topItems(InsightsQueries.Scope.SERVER, activities(kind), range(from, to),
                page.toPageable(Set.of(), Sort.unsorted())), item -> item);
    }

    private DateRange range(LocalDate from, LocalDate to) {
        return DateRange.of(from, to, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), properties.maxRangeDays());
    }

    private static List<Activity> activities(String kind) {
        return kind == null ? InsightsQueries.ITEM_ACTIVITIES : List.of(itemActivity(kind));
    }

    /** The activity counted for an item kind a client names. */
    static Activity itemActivity(String kind) {
        return Activity.ofKind(kind).filter(InsightsQueries.ITEM_ACTIVITIES::contains)
                .orElseThrow(() -> InvalidFieldsException.of("kind", "must be track, video or file"));
    }
}
