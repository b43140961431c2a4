package dev.encore.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.encore.media.slides.PdfChecks;

/**
 * PDF pages as slides (Apache PDFBox, scratch files on disk rather than the heap): each page
 * rendered at {@code encore.presentation.full-width} pixels wide and encoded by ffmpeg to WebP at
 * that size and as a {@code thumb-width} thumbnail, with the page's text. Every limit of
 * {@link PresentationProperties} is checked when a PDF is {@link #inspect inspected}, before
 * anything is rendered; rendering is bounded per page and per job.
 */
@Component
public class SlideRenderer {

    private static final Logger log = LoggerFactory.getLogger(SlideRenderer.class);

    private final PresentationProperties properties;
    private final PdfChecks checks;
    private final ProcessRunner processes;
    private final Ffmpeg ffmpeg;

    SlideRenderer(PresentationProperties properties, ProcessRunner processes, Ffmpeg ffmpeg) {
        this.properties = properties;
        this.checks = new PdfChecks(properties);
        this.processes = processes;
        this.ffmpeg = ffmpeg;
    }

    /**
     * What a PDF holds.
     *
     * @param pages its number of pages
     */
    public record PdfSummary(int pages) {
    }

    /**
     * One rendered slide; its files are in the caller's output directory until the caller moves them.
     *
     * @param number      1-based page number
     * @param full        the WebP at full width
     * @param width       full width, pixels
     * @param height      full height, pixels
     * @param thumb       the WebP thumbnail
     * @param thumbWidth  thumbnail width, pixels
     * @param thumbHeight thumbnail height, pixels
     * @param text        the page's text (at most {@code max-slide-text} characters), possibly empty
     */
    public record Slide(int number, Path full, int width, int height, Path thumb, int thumbWidth, int thumbHeight,
            String text) {
    }

    /** Takes each slide as it is made. */
    @FunctionalInterface
    public interface SlideSink {
        void accept(Slide slide) throws IOException;
    }

    /**
     * Checks a PDF against every limit without rendering anything.
     *
     * @throws UnusablePdfException when it is encrypted, damaged, too long, or has a page too large
     * @throws IOException          when the file cannot be read
     */
    public PdfSummary inspect(Path pdf) throws IOException {
        try (PDDocument document = checks.open(pdf)) {
            return new PdfSummary(document.getNumberOfPages());
        }
    }

    /**
     * Renders every page of {@code pdf} into {@code outDir} (an empty staging directory), handing
     * each slide to {@code sink} in page order; {@code progress} gets 0..100 after each page. The
     * PDF is checked again first (it may be another node's copy).
     *
     * @throws UnusablePdfException     when the PDF breaks a limit
     * @throws SlideRenderingException  when a page cannot be rendered (permanent), takes longer than
     *                                  {@code page-timeout}, the whole job longer than {@code job-timeout},
     *                                  or ffmpeg or the disk fails (transient)
     * @throws CancellationException    when {@code cancelled} turned true
     */
    public int render(Path pdf, Path outDir, SlideSink sink, IntConsumer progress, BooleanSupplier cancelled)
            throws InterruptedException {
        long deadline = System.nanoTime() + properties.jobTimeout().toNanos();
        ExecutorService pageThread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("slide-render").factory());
        try (PDDocument document = checks.open(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true);
            int pages = document.getNumberOfPages();
            for (int index = 0; index < pages; index++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SlideRenderingException(false, "Rendering took longer than "
                            + human(properties.jobTimeout()) + ".", null);
                }
                int page = index;
                Future<Slide> slide = pageThread.submit(() -> renderPage(document, renderer, page, outDir));
                sink.accept(await(slide, Math.min(left, properties.pageTimeout().toNanos()), page + 1));
                progress.accept((index + 1) * 100 / pages);
            }
            return pages;
        }
        catch (IOException ex) {
            throw new SlideRenderingException(true, "The PDF or the slides could not be read or written.", ex);
        }
        finally {
            pageThread.shutdownNow();
        }
    }

    private Slide await(Future<Slide> slide, long nanos, int number) throws InterruptedException {
        try {
            return slide.get(nanos, TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException ex) {
            slide.cancel(true);
            throw new SlideRenderingException(false, "Page " + number + " took too long to render.", ex);
        }
        catch (InterruptedException ex) {
            slide.cancel(true);
            throw ex;
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof SlideRenderingException rendering) {
                throw rendering;
            }
            if (cause instanceof UncheckedIOException io) {
                throw new SlideRenderingException(true, "The slides could not be written.", io);
            }
            log.info("Page {} of a presentation cannot be rendered: {}", number, cause.toString());
            throw new SlideRenderingException(false, "Page " + number + " cannot be rendered: the PDF is damaged.",
                    cause);
        }
    }

    private Slide renderPage(PDDocument document, PDFRenderer renderer, int index, Path outDir) throws Exception {
        PdfChecks.Dimensions size = PdfChecks.slideSize(document.getPage(index), properties.fullWidth());
        BufferedImage image = renderer.renderImage(index, size.scale(), ImageType.RGB);
        int number = index + 1;
        Path picture = outDir.resolve("page-%04d.png".formatted(number));
        Path full = outDir.resolve("slide-%04d-full.webp".formatted(number));
        Path thumb = outDir.resolve("slide-%04d-thumb.webp".formatted(number));
        try {
            ImageIO.write(image, "png", picture.toFile());
            // WebP keeps 4:2:0 chroma, so ffmpeg makes both sides even
            int width = even(image.getWidth());
            int height = even(image.getHeight());
            int thumbWidth = Math.min(properties.thumbWidth(), width);
            int thumbHeight = even(Math.max(2, Math.round((float) height * thumbWidth / width)));
            image.flush();
            encode(picture, full, thumb, thumbWidth, thumbHeight);
            return new Slide(number, full, width, height, thumb, thumbWidth, thumbHeight, text(document, number));
        }
        finally {
            Files.deleteIfExists(picture);
        }
    }

    private void encode(Path picture, Path full, Path thumb, int thumbWidth, int thumbHeight)
            throws InterruptedException {
        ProcessRunner.Result result;
        try {
            result = processes.run(new ProcessRunner.Spec(ffmpeg.slideImages(picture, full, thumb, thumbWidth,
                    thumbHeight), picture.getParent(), properties.pageTimeout(), Map.of()), line -> { });
        }
        catch (UncheckedIOException notStarted) {
            log.warn("ffmpeg cannot be started to encode slides: {}", notStarted.getMessage());
            throw new SlideRenderingException(true, "The slide images could not be encoded.", notStarted);
        }
        if (!result.succeeded() || !Files.isRegularFile(full) || !Files.isRegularFile(thumb)) {
            log.warn("ffmpeg could not encode a slide (exit {}, timed out {}): {}", result.exitCode(),
                    result.timedOut(), result.stderrTail());
            throw new SlideRenderingException(true, "The slide images could not be encoded.", null);
        }
    }

    private String text(PDDocument document, int number) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        String text = stripper.getText(document).strip();
        return text.length() > properties.maxSlideText() ? text.substring(0, properties.maxSlideText()) : text;
    }

    private static int even(int pixels) {
        return Math.max(2, pixels & ~1);
    }

    private static String human(Duration duration) {
        return duration.toMinutes() >= 1 ? duration.toMinutes() + " minutes" : duration.toSeconds() + " seconds";
    }
}
