package dev.encore.insights.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import dev.encore.insights.query.InsightsViews.Day;
import dev.encore.insights.query.InsightsViews.TopItem;

/**
 * A report as an Excel workbook, written by fastexcel (a small streaming writer; Apache POI would add
 * megabytes and start-up time): a "Days" sheet with a real date column and a "Top items" sheet. Text
 * goes in as strings, never as formulas, and is defused like the CSV's all the same, since a sheet is
 * often saved on as CSV.
 */
final class XlsxReport {

    private XlsxReport() {
    }

    static byte[] write(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "Encore", "1.0")) {
            days(workbook.newWorksheet("Days"), report);
            items(workbook.newWorksheet("Top items"), report.topItems());
            workbook.finish();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex); // a byte array does not fail
        }
        return out.toByteArray();
    }

    private static void days(Worksheet sheet, Report report) {
        header(sheet, report.dayHeaders());
        sheet.width(0, 12);
        int row = 1;
        for (Day day : report.days()) {
            sheet.value(row, 0, day.day());
            sheet.style(row, 0).format("yyyy-mm-dd").set();
            List<Long> counts = report.dayCounts(day);
            for (int column = 0; column < counts.size(); column++) {
                sheet.value(row, column + 1, counts.get(column));
            }
            row++;
        }
    }

    private static void items(Worksheet sheet, List<TopItem> items) {
        header(sheet, Report.ITEM_HEADERS);
        sheet.width(1, 38);
        sheet.width(2, 40);
        int row = 1;
        for (TopItem item : items) {
            sheet.value(row, 0, item.kind());
            sheet.value(row, 1, item.id().toString());
            sheet.value(row, 2, CsvReport.cell(item.name()));
            sheet.value(row, 3, item.count());
            row++;
        }
    }

    private static void header(Worksheet sheet, List<String> headers) {
        for (int column = 0; column < headers.size(); column++) {
            sheet.value(0, column, headers.get(column));
            sheet.style(0, column).bold().set();
        }
    }
}
