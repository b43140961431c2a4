package dev.encore.insights.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import dev.encore.insights.query.InsightsViews.Day;
import dev.encore.insights.query.InsightsViews.TopItem;

/**
 * A report as a PDF (PDFBox, A4, Helvetica): title, range and totals, then the days and the top items
 * as tables, over as many pages as they need. Helvetica has only the Windows-1252 characters: others in
 * names print as {@code ?}.
 */
final class PdfReport {

    private static final float MARGIN = 50;
    private static final float LINE = 14;
    private static final float SIZE = 10;
    private static final int MAX_NAME = 60;
    private static final float[] DAY_COLUMNS = { 0, 90, 160, 230, 310, 380 };
    private static final float[] ITEM_COLUMNS = { 0, 50, 430 };
    // made once: each Standard 14 font looks for a system font to draw with (PDFBox scans the system's
    // fonts the first time, and warns when it falls back); they belong to no document
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private PdfReport() {
    }

    static byte[] write(Report report) {
        try (PDDocument document = new PDDocument()) {
            Pages pages = new Pages(document);
            pages.line(report.title(), BOLD, 14);
            pages.line("Days (UTC): " + report.range().from() + " to " + report.range().to() + "; generated "
                    + report.generatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), REGULAR, SIZE);
            pages.line("Totals: " + count(report.totals().plays(), "play") + ", " + count(report.totals().watches(), "viewing")
                    + ", " + count(report.totals().downloads(), "download") + ", " + count(report.totals().imports(), "import"),
                    REGULAR, SIZE);
            pages.gap();
            pages.row(DAY_COLUMNS, report.dayHeaders(), BOLD);
            for (Day day : report.days()) {
                List<String> cells = new java.util.ArrayList<>(List.of(day.day().toString()));
                report.dayCounts(day).forEach(count -> cells.add(Long.toString(count)));
                pages.row(DAY_COLUMNS, cells, REGULAR);
            }
            pages.gap();
            pages.row(ITEM_COLUMNS, List.of("kind", "name", "count"), BOLD);
            for (TopItem item : report.topItems()) {
                String name = item.name() == null ? item.id().toString() : item.name();
                pages.row(ITEM_COLUMNS, List.of(item.kind(), name.length() > MAX_NAME ? name.substring(0, MAX_NAME)
                        + "..." : name, count(item.count(), switch (item.kind()) {
                            case "track" -> "play";
                            case "video" -> "viewing";
                            default -> "download";
                        })), REGULAR);
            }
            pages.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex); // in memory: nothing to fail on but a bug
        }
    }

    /** Writes lines top-down, starting a new page when one is full. */
    private static final class Pages {

        private final PDDocument document;
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void line(String text, PDType1Font font, float size) throws IOException {
            row(new float[] { 0 }, List.of(text), font, size);
        }

        void row(float[] columns, List<String> cells, PDType1Font font) throws IOException {
            row(columns, cells, font, SIZE);
        }

        private void row(float[] columns, List<String> cells, PDType1Font font, float size) throws IOException {
            if (y < MARGIN + LINE) {
                newPage();
            }
            for (int i = 0; i < cells.size(); i++) {
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN + columns[i], y);
                content.showText(printable(cells.get(i), font));
                content.endText();
            }
            y -= size + 4;
        }

        void gap() {
            y -= LINE;
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        /** The text with every character the font cannot show as {@code ?}. */
        private static String printable(String text, PDType1Font font) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(point -> {
                String character = Character.isISOControl(point) ? " " : Character.toString(point);
                try {
                    font.encode(character);
                    out.append(character);
                }
                catch (IOException | IllegalArgumentException unsupported) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }

    private static String count(long count, String one) {
        return count + " " + (count == 1 ? one : one + "s");
    }
}
