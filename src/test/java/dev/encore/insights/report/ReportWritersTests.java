package dev.encore.insights.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import dev.encore.insights.query.DateRange;
import dev.encore.insights.query.InsightsViews.Day;
import dev.encore.insights.query.InsightsViews.TopItem;
import dev.encore.insights.query.InsightsViews.Totals;

class ReportWritersTests {

    private static final UUID TRACK = UUID.randomUUID();
    private static final UUID VIDEO = UUID.randomUUID();
    private static final String FORMULA = "=HYPERLINK(\"http://evil\",\"x\")";
    private static final String AWKWARD = "Song, \"live\"\nencore";

    private final Report report = new Report("Encore insights: the server", true,
            new DateRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02")),
            Instant.parse("2026-03-03T10:00:00Z"), new Totals(5, 2, 1, 1),
            List.of(new Day(LocalDate.parse("2026-03-01"), 3, 2, 0, 1, 2),
                    new Day(LocalDate.parse("2026-03-02"), 2, 0, 1, 0, 1)),
            List.of(new TopItem("track", TRACK, FORMULA, 5), new TopItem("video", VIDEO, AWKWARD, 2),
                    new TopItem("file", UUID.randomUUID(), "-1+1 \u65e5\u672c \u00fc", 1)));

    @Test
    void csvQuotesByRfc4180AndDefusesFormulas() {
        String csv = new String(CsvReport.write(report), StandardCharsets.UTF_8);
        List<List<String>> rows = parse(csv);

        assertThat(csv).contains("\r\n");
        assertThat(rows.getFirst()).containsExactly("record", "date", "kind", "id", "name", "plays", "watches",
                "downloads", "imports", "active_users");
        assertThat(rows.get(1)).containsExactly("day", "2026-03-01", "", "", "", "3", "2", "0", "1", "2");
        assertThat(rows.get(3)).containsExactly("item", "", "track", TRACK.toString(), "'" + FORMULA, "5", "", "", "", "");
        assertThat(rows.get(4).get(4)).isEqualTo(AWKWARD);
        assertThat(rows.get(4).get(6)).isEqualTo("2");
        assertThat(rows.get(5).get(4)).isEqualTo("'-1+1 \u65e5\u672c \u00fc");
        assertThat(rows).hasSize(6).allSatisfy(row -> assertThat(row).hasSize(10));
    }

    @Test
    void csvQuotesFieldsWithASemicolonOrATabSoASpreadsheetSplittingOnThemStartsNoCellInsideAName() {
        assertThat(CsvReport.quoted("x;=cmd|' /C calc'!A0")).isEqualTo("\"x;=cmd|' /C calc'!A0\"");
        assertThat(CsvReport.quoted("a\t=1+1")).isEqualTo("\"a\t=1+1\"");
        assertThat(CsvReport.quoted("Plain name")).isEqualTo("Plain name");
    }

    @Test
    void csvCellsDefuseEveryFormulaStartAndLeaveOtherTextAlone() {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(CsvReport.cell(start + "1")).startsWith("'");
        }
        assertThat(CsvReport.cell("Plain")).isEqualTo("Plain");
        assertThat(CsvReport.cell(null)).isEmpty();
    }

    @Test
    void xlsxHasADaysSheetWithDatesAndATopItemsSheet() throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(XlsxReport.write(report)))) {
            List<Row> days = workbook.findSheet("Days").orElseThrow().read();
            assertThat(days.getFirst().getCellText(5)).isEqualTo("active users");
            assertThat(days.get(1).getCellAsDate(0)).contains(LocalDateTime.parse("2026-03-01T00:00"));
            assertThat(days.get(2).getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(1);
            assertThat(days).hasSize(3);

            List<Row> items = workbook.findSheet("Top items").orElseThrow().read();
            assertThat(items.get(1).getCellText(1)).isEqualTo(TRACK.toString());
            assertThat(items.get(1).getCellText(2)).isEqualTo("'" + FORMULA);
            assertThat(items.get(2).getCellText(2)).isEqualTo(AWKWARD);
            assertThat(items.get(1).getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(5);
        }
    }

    @Test
    void pdfShowsTheTotalsTheDaysAndTheItemsWithUnprintableCharactersReplaced() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(PdfReport.write(report))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Encore insights: the server", "Totals: 5 plays, 2 viewings, 1 download, 1 import",
                    "2026-03-02", "active users", FORMULA, "5 plays", "2 viewings", "1 download", "Song, \"live\" encore", "-1+1 ?? \u00fc")
                    .doesNotContain("1 downloads");
        }
    }

    @Test
    void aLongPdfReportGoesOnOverSeveralPages() throws Exception {
        List<Day> days = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2025-03-03"); !day.isAfter(LocalDate.parse("2026-03-03")); day = day.plusDays(1)) {
            days.add(new Day(day, 1, 0, 0, 0, 1));
        }
        Report year = new Report("Encore insights: my activity", false, new DateRange(days.getFirst().day(),
                days.getLast().day()), Instant.now(), new Totals(days.size(), 0, 0, 0), days, report.topItems());
        try (PDDocument pdf = Loader.loadPDF(PdfReport.write(year))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(5);
            assertThat(new PDFTextStripper().getText(pdf)).contains("2025-03-03", "2026-03-03");
        }
    }

    /** An RFC 4180 reader, written apart from the writer. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            }
            else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            }
            else {
                field.append(c);
            }
        }
        return rows;
    }
}
