package dev.encore.insights.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import dev.encore.insights.query.Caller;
import dev.encore.insights.query.DateRange;
import dev.encore.insights.query.InsightsQueries;
import dev.encore.insights.query.InsightsViews.Mine;
import dev.encore.insights.query.InsightsViews.Overview;
import dev.encore.insights.rollup.InsightsProperties;
import dev.encore.platform.Problems;

/**
 * Makes reports: a member's own activity, or (admins) the server's; bounded by the range limit
 * ({@code encore.insights.max-range-days}) and {@code encore.insights.report-top-items}.
 */
@Service
class Reports {

    private final InsightsQueries queries;
    private final InsightsProperties properties;
    private final Clock clock;

    Reports(InsightsQueries queries, InsightsProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The report asked for.
     *
     * @throws ErrorResponseException 403 when a member asks for the server's report
     * @throws dev.encore.platform.InvalidFieldsException 400 for a bad range
     */
    Report make(Caller caller, ReportRequest request) {
        if (request.server() && !caller.admin()) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                    "Forbidden", "Only admins may export the server's report."), null);
        }
        DateRange range = DateRange.of(request.fromDay(), request.toDay(), LocalDate.ofInstant(clock.instant(),
                ZoneOffset.UTC), properties.maxRangeDays());
        InsightsQueries.Scope scope = request.server() ? InsightsQueries.Scope.SERVER
                : new InsightsQueries.Scope(caller.userId());
        var top = queries.topItems(scope, InsightsQueries.ITEM_ACTIVITIES, range,
                PageRequest.of(0, properties.reportTopItems())).getContent();
        if (request.server()) {
            Overview overview = queries.overview(range, 1);
            return new Report("Encore insights: the server", true, range, clock.instant(), overview.totals(),
                    overview.days(), top);
        }
        Mine mine = queries.mine(caller, range, 1);
        return new Report("Encore insights: my activity", false, range, clock.instant(), mine.totals(), mine.days(),
                top);
    }
}
