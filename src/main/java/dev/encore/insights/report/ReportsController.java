package dev.encore.insights.report;

import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;

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
    /**
     * Spring MVC's own: reads Accept as every other endpoint does (a malformed one is a 406). Looked up,
     * not required: a context without Spring MVC (a start that fails on its settings, made without a
     * web server) must still report the setting, not this missing bean.
     */
    private final ObjectProvider<ContentNegotiationManager> negotiation;

    ReportsController(Reports reports, ObjectProvider<ContentNegotiationManager> negotiation) {
        this.reports = reports;
        this.negotiation = negotiation;
    }

    @Operation(summary = "Export a report", description = "My activity (scope me) or, for admins, the server's "
            + "(scope server) over a range of UTC days (from/to, ISO dates; the last 30 days by default; at most "
            + "encore.insights.max-range-days): totals, every day's counts and the top items, as csv, xlsx or pdf. "
            + "Answered as an attachment. The format is the body's format when given, else the one Accept prefers "
            + "(text/csv, the xlsx type or application/pdf), CSV when Accept prefers none (absent, */*); a format "
            + "Accept does not admit is a 406. Limited per user (encore.ratelimit.limits.reports).")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "text/csv"),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            @Content(mediaType = "application/pdf") })
    @ApiResponse(responseCode = "400", description = "Unknown format or scope, a bad date, to before from, or a "
            + "range too long")
    @ApiResponse(responseCode = "403", description = "forbidden: scope server is for admins")
    @ApiResponse(responseCode = "406", description = "not-acceptable: Accept admits no report format, or not the "
            + "one the body names")
    @ApiResponse(responseCode = "429", description = "Too many reports; see Retry-After")
    @RateLimited("reports")
    @PostMapping("/api/v1/reports")
    ResponseEntity<byte[]> report(Authentication auth, @Valid @RequestBody ReportRequest request,
            NativeWebRequest web) throws HttpMediaTypeNotAcceptableException {
        ReportFormat format = ReportFormat.negotiate(request.format(), negotiation.getObject().resolveMediaTypes(web))
                .orElseThrow(() -> new HttpMediaTypeNotAcceptableException(ReportFormat.mediaTypes(request.format())));
        Report report = reports.make(Caller.of(auth), request);
        String filename = "encore-insights-" + (report.server() ? "server" : "me") + "-" + report.range().from() + "-"
                + report.range().to() + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(format.write(report));
    }
}
