package dev.encore.insights.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.encore.insights.query.InsightsViews.Day;
import dev.encore.insights.query.InsightsViews.TopItem;

/**
 * A report as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote, CR or LF
 * quoted, quotes doubled; UTF-8; also fields with a semicolon or a tab, the separators spreadsheets
 * of some locales split on). One table with a {@code record} column: {@code day} rows carry a
 * date and the day's counts, {@code item} rows an item and its count in the column of what it counts.
 * A text cell that a spreadsheet would take for a formula (starting with {@code = + - @}, tab or CR)
 * is prefixed with {@code '} (OWASP's CSV injection defence).
 */
final class CsvReport {

    private CsvReport() {
    }

    static byte[] write(Report report) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("record", "date", "kind", "id", "name", "plays", "watches",
                "downloads", "imports"));
        if (report.server()) {
            header.add("active_users");
        }
        line(out, header);
        for (Day day : report.days()) {
            List<String> row = new ArrayList<>(List.of("day", day.day().toString(), "", "", ""));
            report.dayCounts(day).forEach(count -> row.add(Long.toString(count)));
            line(out, row);
        }
        for (TopItem item : report.topItems()) {
            List<String> row = new ArrayList<>(List.of("item", "", item.kind(), item.id().toString(),
                    cell(item.name())));
            for (String column : List.of("plays", "watches", "downloads", "imports")) {
                row.add(column.equals(Report.counted(item.kind())) ? Long.toString(item.count()) : "");
            }
            if (report.server()) {
                row.add("");
            }
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text from users, defused: a leading formula character gets a {@code '} before it. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String quoted(String field) {
        // a semicolon or a tab too: a spreadsheet set to split on it would otherwise start a cell
        // (maybe a formula: "x;=cmd|...") in the middle of a name
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf(';') >= 0 || field.indexOf('\t') >= 0;
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
