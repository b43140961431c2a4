package dev.encore.insights.report;

import java.util.Locale;
import java.util.function.Function;

/** The formats a report comes in, each with its media type and file extension. */
enum ReportFormat {
    CSV("text/csv;charset=UTF-8", CsvReport::write),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxReport::write),
    PDF("application/pdf", PdfReport::write);

    private final String mediaType;
    private final Function<Report, byte[]> writer;

    ReportFormat(String mediaType, Function<Report, byte[]> writer) {
        this.mediaType = mediaType;
        this.writer = writer;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    byte[] write(Report report) {
        return writer.apply(report);
    }

    /** The format named {@code csv}, {@code xlsx} or {@code pdf} (checked by the request's validation). */
    static ReportFormat of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
