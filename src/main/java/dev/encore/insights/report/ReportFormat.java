package dev.encore.insights.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.http.MediaType;

/** The formats a report comes in, each with its media type and file extension. */
enum ReportFormat {
    CSV("text/csv;charset=UTF-8", CsvReport::write),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxReport::write),
    PDF("application/pdf", PdfReport::write);

    private final MediaType mediaType;
    private final Function<Report, byte[]> writer;

    ReportFormat(String mediaType, Function<Report, byte[]> writer) {
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.writer = writer;
    }

    MediaType mediaType() {
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

    /**
     * The format to answer in: the one the body names, else the one {@code Accept} prefers; CSV when
     * it prefers none (no Accept, {@code *}{@code /*}). By RFC 9110 (12.5.1), a type's quality is that
     * of the most specific range including it ({@code text/*;q=0, text/csv} accepts CSV); at equal
     * quality the type named more specifically wins ({@code application/pdf, *}{@code /*} is PDF).
     *
     * @param named    the body's {@code format}, or null
     * @param accepted the request's Accept ranges, {@code *}{@code /*} when it has none
     * @return empty when Accept admits no format, or not the one named (406)
     */
    static Optional<ReportFormat> negotiate(String named, List<MediaType> accepted) {
        record Match(ReportFormat format, MediaType range) {
        }
        Stream<ReportFormat> candidates = named == null ? Arrays.stream(values()) : Stream.of(of(named));
        return candidates
                .flatMap(format -> accepted.stream().filter(range -> range.includes(format.mediaType))
                        .max(Comparator.comparingInt(ReportFormat::specificity))
                        .map(range -> new Match(format, range)).stream())
                .filter(match -> match.range().getQualityValue() > 0)
                .max(Comparator.comparingDouble((Match match) -> match.range().getQualityValue())
                        .thenComparingInt(match -> specificity(match.range()))
                        .thenComparing(Match::format, Comparator.reverseOrder())) // CSV, then XLSX, then PDF
                .map(Match::format);
    }

    /** The media types of the formats {@code named} allows: that one, or all. */
    static List<MediaType> mediaTypes(String named) {
        return (named == null ? Arrays.stream(values()) : Stream.of(of(named))).map(ReportFormat::mediaType).toList();
    }

    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
    }
}
