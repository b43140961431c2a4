package dev.encore.media.slides;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import dev.encore.media.PresentationProperties;
import dev.encore.media.UnusablePdfException;
import dev.encore.media.UnusablePdfException.Reason;

/**
 * Opens PDFs with PDFBox's scratch files instead of the heap, and checks every limit of
 * {@link PresentationProperties} before anything is rendered: encryption, a file cut short, the
 * page count, each page's size and the pixel size of the full slide it would render to, and the
 * declared size of every image a page draws (an image is decoded whole, so a small file can ask
 * for gigabytes: a decompression bomb).
 */
public final class PdfChecks {

    /** PDF readers look for the end-of-file marker in the last kilobyte. */
    private static final int TRAILER_WINDOW = 1024;
    private static final int MAX_FORM_DEPTH = 8;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final PresentationProperties limits;

    public PdfChecks(PresentationProperties limits) {
        this.limits = limits;
    }

    /**
     * The document, open, every limit checked; the caller closes it.
     *
     * @throws UnusablePdfException when it breaks a limit or cannot be read
     * @throws IOException          when the file itself cannot be read (not the PDF's fault)
     */
    public PDDocument open(Path pdf) throws IOException {
        if (!endsLikeAPdf(pdf)) {
            throw new UnusablePdfException(Reason.MALFORMED, "The PDF is cut short (it has no end-of-file marker).");
        }
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf.toFile(), "", MemoryUsageSetting.setupTempFileOnly().streamCache);
        }
        catch (InvalidPasswordException ex) {
            throw encrypted();
        }
        catch (IOException | RuntimeException ex) {
            if (!pdf.toFile().isFile()) {
                throw ex instanceof IOException io ? io : new IOException(ex);
            }
            throw new UnusablePdfException(Reason.MALFORMED, "The PDF cannot be read: it is damaged or not a PDF.");
        }
        try {
            check(document);
            return document;
        }
        catch (RuntimeException ex) {
            document.close();
            throw ex instanceof UnusablePdfException ? ex
                    : new UnusablePdfException(Reason.MALFORMED, "The PDF cannot be read: it is damaged.");
        }
    }

    /** The pixel size of {@code page} rendered {@code width} pixels wide (its crop box, turned as it is shown). */
    public static Dimensions slideSize(PDPage page, int width) {
        PDRectangle box = page.getCropBox();
        boolean turned = page.getRotation() % 180 != 0;
        float pageWidth = turned ? box.getHeight() : box.getWidth();
        float pageHeight = turned ? box.getWidth() : box.getHeight();
        float scale = width / pageWidth;
        return new Dimensions(scale, width, Math.max(1, (long) Math.floor(pageHeight * scale)), pageWidth, pageHeight);
    }

    /**
     * A page's rendering.
     *
     * @param scale      pixels per point
     * @param width      pixels
     * @param height     pixels
     * @param pageWidth  points, as shown
     * @param pageHeight points, as shown
     */
    public record Dimensions(float scale, long width, long height, float pageWidth, float pageHeight) {
    }

    private void check(PDDocument document) {
        if (document.isEncrypted()) {
            throw encrypted();
        }
        int pages = document.getNumberOfPages();
        if (pages < 1) {
            throw new UnusablePdfException(Reason.MALFORMED, "The PDF has no pages.");
        }
        if (pages > limits.maxPages()) {
            throw new UnusablePdfException(Reason.TOO_MANY_PAGES, "The PDF has " + pages + " pages; at most "
                    + limits.maxPages() + " are accepted.");
        }
        int number = 0;
        for (PDPage page : document.getPages()) {
            number++;
            checkPage(page, number);
        }
    }

    private void checkPage(PDPage page, int number) {
        PDRectangle box = page.getCropBox();
        float longest = limits.maxPageInches() * 72f;
        if (!(box.getWidth() >= 1 && box.getHeight() >= 1) || box.getWidth() > longest || box.getHeight() > longest) {
            throw new UnusablePdfException(Reason.PAGE_TOO_LARGE, "Page " + number + " measures "
                    + inches(box.getWidth()) + " by " + inches(box.getHeight()) + " inches; pages may measure 1 point to "
                    + limits.maxPageInches() + " inches a side.");
        }
        Dimensions slide = slideSize(page, limits.fullWidth());
        if (slide.width() * slide.height() > limits.maxPagePixels()) {
            throw new UnusablePdfException(Reason.PAGE_TOO_LARGE, "Page " + number + " would render to "
                    + slide.width() + " by " + slide.height() + " pixels; at most " + limits.maxPagePixels()
                    + " pixels are accepted (the page is too tall for its width).");
        }
        try {
            checkImages(page.getResources(), number, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        catch (IOException ex) {
            throw new UnusablePdfException(Reason.MALFORMED, "Page " + number + " cannot be read: the PDF is damaged.");
        }
    }

    private void checkImages(PDResources resources, int number, int depth, Set<Object> seen) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH || !seen.add(resources.getCOSObject())) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                long pixels = (long) image.getWidth() * image.getHeight();
                if (pixels > limits.maxImagePixels() || image.getWidth() < 0 || image.getHeight() < 0) {
                    throw new UnusablePdfException(Reason.PAGE_TOO_LARGE, "Page " + number + " draws an image of "
                            + image.getWidth() + " by " + image.getHeight() + " pixels; images may have at most "
                            + limits.maxImagePixels() + " pixels.");
                }
            }
            else if (object instanceof PDFormXObject form) {
                checkImages(form.getResources(), number, depth + 1, seen);
            }
        }
    }

    private static String inches(float points) {
        return String.format(java.util.Locale.ROOT, "%.1f", points / 72f);
    }

    private static UnusablePdfException encrypted() {
        return new UnusablePdfException(Reason.ENCRYPTED, "The PDF is encrypted or protected by a password; "
                + "save it without protection and upload it again.");
    }

    /** Whether {@code %%EOF} is in the last kilobyte (a file cut short has lost it). */
    private static boolean endsLikeAPdf(Path pdf) throws IOException {
        File file = pdf.toFile();
        try (RandomAccessFile in = new RandomAccessFile(file, "r")) {
            long length = in.length();
            int window = (int) Math.min(TRAILER_WINDOW, length);
            byte[] tail = new byte[window];
            in.seek(length - window);
            in.readFully(tail);
            return new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }
}
