package dev.encore.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.encore.media.UnusablePdfException.Reason;
import dev.encore.support.MediaTools;
import dev.encore.support.Pdfs;

/** PDF checks and slide rendering with the real PDFBox and ffmpeg, on PDFs made here. */
class SlideRendererTests {

    private static final PresentationProperties DEFAULTS = new PresentationProperties(300, 320, 1920, 100, 16_000_000,
            25_000_000, 20_000, Duration.ofMinutes(15), Duration.ofMinutes(1));

    @TempDir
    Path dir;

    private final SlideRenderer renderer = new SlideRenderer(DEFAULTS, new ProcessRunner(), new Ffmpeg(Path.of("ffmpeg")));

    @Test
    void rendersEveryPageAtBothWidthsWithItsText() throws Exception {
        MediaTools.require("ffmpeg");
        Path pdf = write("talk.pdf", Pdfs.withText("Opening words", "Middle part", "Closing words"));
        assertThat(renderer.inspect(pdf).pages()).isEqualTo(3);
        Path out = Files.createDirectory(dir.resolve("out"));
        List<SlideRenderer.Slide> slides = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        int pages = renderer.render(pdf, out, slides::add, progress::add, () -> false);

        assertThat(pages).isEqualTo(3);
        assertThat(progress).containsExactly(33, 66, 100);
        assertThat(slides).extracting(SlideRenderer.Slide::text).containsExactly("Opening words", "Middle part",
                "Closing words");
        for (SlideRenderer.Slide slide : slides) {
            assertThat(Pdfs.webpSize(Files.readAllBytes(slide.full()))).containsExactly(1920, 1080);
            assertThat(Pdfs.webpSize(Files.readAllBytes(slide.thumb()))).containsExactly(320, 180);
            assertThat(new int[] { slide.width(), slide.height(), slide.thumbWidth(), slide.thumbHeight() })
                    .containsExactly(1920, 1080, 320, 180);
        }
        try (var left = Files.list(out)) {
            assertThat(left.map(path -> path.getFileName().toString())).as("no rendered PNG is left")
                    .allMatch(name -> name.endsWith(".webp"));
        }
    }

    @Test
    void refusesEncryptedTruncatedTooLongAndHugePdfs() throws Exception {
        assertRefused(Pdfs.encrypted("Secret"), Reason.ENCRYPTED);
        assertRefused(Pdfs.truncated(Pdfs.withText("One", "Two", "Three")), Reason.MALFORMED);
        assertRefused("not a pdf at all, but it ends %%EOF".getBytes(), Reason.MALFORMED);
        assertRefused(Pdfs.pages(301, PDRectangle.A4), Reason.TOO_MANY_PAGES);
        assertThat(renderer.inspect(write("ok.pdf", Pdfs.pages(300, PDRectangle.A4))).pages()).isEqualTo(300);
        assertRefused(Pdfs.pages(1, new PDRectangle(200 * 72, 200 * 72)), Reason.PAGE_TOO_LARGE);
        // a sliver: at 1920 px wide it would be a million pixels tall
        assertRefused(Pdfs.pages(1, new PDRectangle(10, 7000)), Reason.PAGE_TOO_LARGE);
    }

    @Test
    void stopsWhenCancelled() throws Exception {
        Path pdf = write("talk.pdf", Pdfs.withText("One", "Two"));
        Path out = Files.createDirectory(dir.resolve("cancelled"));
        assertThatThrownBy(() -> renderer.render(pdf, out, slide -> { }, percent -> { }, () -> true))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void aMissingToolIsATransientFailure() throws Exception {
        SlideRenderer noFfmpeg = new SlideRenderer(DEFAULTS, new ProcessRunner(),
                new Ffmpeg(dir.resolve("no-such-ffmpeg")));
        Path pdf = write("talk.pdf", Pdfs.withText("One"));
        Path out = Files.createDirectory(dir.resolve("no-tool"));
        assertThatThrownBy(() -> noFfmpeg.render(pdf, out, slide -> { }, percent -> { }, () -> false))
                .isInstanceOfSatisfying(SlideRenderingException.class,
                        failed -> assertThat(failed.isTransient()).isTrue());
    }

    @Test
    void aPageOverItsTimeLimitFailsForGood() throws Exception {
        SlideRenderer hurried = new SlideRenderer(new PresentationProperties(300, 320, 1920, 100, 16_000_000,
                25_000_000, 20_000, Duration.ofMinutes(15), Duration.ofNanos(1)), new ProcessRunner(),
                new Ffmpeg(Path.of("ffmpeg")));
        Path pdf = write("talk.pdf", Pdfs.withText("One"));
        Path out = Files.createDirectory(dir.resolve("hurried"));
        assertThatThrownBy(() -> hurried.render(pdf, out, slide -> { }, percent -> { }, () -> false))
                .isInstanceOfSatisfying(SlideRenderingException.class, failed -> {
                    assertThat(failed.isTransient()).isFalse();
                    assertThat(failed.getMessage()).isEqualTo("Page 1 took too long to render.");
                });
    }

    private void assertRefused(byte[] pdf, Reason reason) throws Exception {
        Path file = write("refused-" + reason + "-" + pdf.length + ".pdf", pdf);
        assertThatThrownBy(() -> renderer.inspect(file)).isInstanceOfSatisfying(UnusablePdfException.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }
}
