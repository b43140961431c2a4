package dev.encore.insights.report;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A report to make.
 *
 * @param format {@code csv}, {@code xlsx} or {@code pdf}; when absent, the request's {@code Accept}
 *               header chooses (CSV when it prefers none)
 * @param scope  {@code me} (my own activity, the default) or {@code server} (admins only)
 * @param from   first UTC day (ISO date); defaults to 29 days before {@code to}
 * @param to     last UTC day, included (ISO date); defaults to today
 */
@Schema(name = "ReportRequest")
record ReportRequest(
        @Schema(allowableValues = { "csv", "xlsx", "pdf" }, description = "Wins over Accept; when absent, "
                + "Accept chooses, and CSV when it prefers none")
        @Pattern(regexp = "csv|xlsx|pdf", message = "must be csv, xlsx or pdf") String format,
        @Pattern(regexp = "me|server", message = "must be me or server") String scope,
        // text, checked by @IsoDate: as a LocalDate a bad day was a malformed-request, not a field error
        @Schema(type = "string", format = "date", example = "2026-03-01") @IsoDate String from,
        @Schema(type = "string", format = "date", example = "2026-03-30") @IsoDate String to) {

    boolean server() {
        return "server".equals(scope);
    }

    /** {@link #from()} as a day (valid: the request was validated), or null. */
    LocalDate fromDay() {
        return IsoDate.Check.day(from);
    }

    /** {@link #to()} as a day, or null. */
    LocalDate toDay() {
        return IsoDate.Check.day(to);
    }
}
