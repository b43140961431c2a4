package dev.encore.insights.report;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.insights.query.Caller;
import dev.encore.platform.RateLimited;

@Tag(name = "insights")
@RestController
class ReportsController {

    private final Reports reports;

    ReportsController(Reports reports) {
        this.reports = reports;
    }

    @Operation(summary = "Export a report", description = "My activity (scope me) or, for admins, the server's "
            + "(scope server) over a range of UTC days (from/to, ISO dates; the last 30 days by default; at most "
            + "encore.insights.max-range-days): totals, every day's counts and the top items, as csv, xlsx or pdf. "
            + "Answered as an attachment. Limited per user (encore.ratelimit.limits.reports).")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "text/csv"),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            @Content(mediaType = "application/pdf") })
    @ApiResponse(responseCode = "400", description = "Unknown format or scope, a bad date, to before from, or a "
            + "range too long")
    @ApiResponse(responseCode = "403", description = "forbidden: scope server is for admins")
    @ApiResponse(responseCode = "429", description = "Too many reports; see Retry-After")
    @RateLimited("reports")
    @PostMapping("/api/v1/reports")
    ResponseEntity<byte[]> report(Authentication auth, @Valid @RequestBody ReportRequest request) {
        Report report = reports.make(Caller.of(auth), request);
        ReportFormat format = ReportFormat.of(request.format());
        String filename = "encore-insights-" + (report.server() ? "server" : "me") + "-" + report.range().from() + "-"
                + report.range().to() + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(format.write(report));
    }
}
