package dev.encore.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made in the test with PDFBox, and the size of a WebP picture read from its header. */
public final class Pdfs {

    /** A 16:9 slide, 10 by 5.625 inches. */
    public static final PDRectangle SLIDE = new PDRectangle(720, 405);

    private Pdfs() {
    }

    /** One slide-shaped page per text, each text written large on its page. */
    public static byte[] withText(String... pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (String text : pages) {
                PDPage page = new PDPage(SLIDE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 28);
                    content.newLineAtOffset(60, 200);
                    content.showText(text);
                    content.endText();
                }
            }
            return save(document);
        }
    }

    /** {@code count} empty pages of the given size. */
    public static byte[] pages(int count, PDRectangle size) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < count; i++) {
                document.addPage(new PDPage(size));
            }
            return save(document);
        }
    }

    /** A PDF that opens only with a password. */
    public static byte[] encrypted(String text) throws IOException {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(withText(text))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        }
    }

    /** The first half of a PDF: cut short, as an interrupted download leaves it. */
    public static byte[] truncated(byte[] pdf) {
        return Arrays.copyOf(pdf, pdf.length / 2);
    }

    /** Width and height of a WebP picture, from its header (lossy, lossless or extended). */
    public static int[] webpSize(byte[] webp) {
        ByteBuffer bytes = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        String riff = new String(webp, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
        String kind = new String(webp, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
        String chunk = new String(webp, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        if (!riff.equals("RIFF") || !kind.equals("WEBP")) {
            throw new IllegalArgumentException("not a WebP picture");
        }
        return switch (chunk) {
            case "VP8 " -> new int[] { bytes.getShort(26) & 0x3fff, bytes.getShort(28) & 0x3fff };
            case "VP8L" -> {
                int bits = bytes.getInt(21);
                yield new int[] { (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1 };
            }
            case "VP8X" -> new int[] { (bytes.getInt(24) & 0xffffff) + 1, (bytes.getInt(27) & 0xffffff) + 1 };
            default -> throw new IllegalArgumentException("unknown WebP chunk " + chunk);
        };
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
