package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Pdfs;
import dev.encore.support.TestAccounts.Account;
import dev.encore.web.Browser.Viewport;

/**
 * Presentations in a real browser, at desktop and phone width: a PDF uploaded on the upload screen
 * and saved as a presentation, its slides rendered for real (PDFBox, the job queue), then paged
 * through with the keyboard (→, End, Home; the slides take the arrows before the player bar, which
 * holds a track), the thumbnail strip and a swipe, the slide's number in
 * the URL surviving a reload; the presentations grid with the first slide as the picture; and the
 * presentation deleted from its page by its owner.
 */
class PresentationBrowserIT extends BrowserTest {

    @TempDir
    static Path files;

    private static final String[][] SLIDES = {
            { "Harbour Project", "Quarterly review, spring", "Encore Studio" },
            { "Where we stand", "Ferries carried 1.2 million people", "Night service started in March" },
            { "What people asked for", "Later boats on Fridays", "Bikes on every crossing" },
            { "Next steps", "Two electric ferries by autumn", "A new pier at the old market" },
    };

    /** An element of the presentation page (through the app's and the page's shadow roots). */
    private static final String PAGE = """
            const page = document.querySelector('encore-app').shadowRoot.querySelector('encore-presentation');
            return page && page.shadowRoot.querySelector(arguments[0]);
            """;

    @ParameterizedTest
    @MethodSource("viewports")
    void uploadAPdfAndPageThroughItsSlides(Viewport viewport) throws Exception {
        Account account = users.user();
        Path pdf = files.resolve("harbour-project.pdf");
        if (!Files.exists(pdf)) {
            Files.write(pdf, deck());
        }
        LibraryFixtures.of(api, files, 5).track(account, "title", "Background Music");
        try (Browser browser = open(viewport)) {
            signIn(browser, account);
            // a track in the player bar, which takes ← → and Space on the whole page: the slides take them first
            navigate(browser, viewport, "/library/tracks");
            browser.script("arguments[0].click()", // shown over the row's number on hover
                    browser.find("encore-tracks", "button.play[aria-label='Play Background Music']"));
            browser.waitFor(Duration.ofSeconds(10), () -> browser.inApp("encore-player-bar").getShadowRoot()
                    .findElement(By.cssSelector(".bar .title")).getText().equals("Background Music"));
            navigate(browser, viewport, "/upload");
            browser.find("encore-upload", "#files").sendKeys(pdf.toAbsolutePath().toString());
            WebElement save = browser.waitFor(Duration.ofSeconds(30), () -> {
                WebElement button = browser.find("encore-upload", ".details button[type=submit]");
                return button.isDisplayed() ? button : null;
            });
            assertThat(save.getText()).contains("Save presentation to library");
            browser.type("encore-upload", ".details input[name=title]", "Harbour Project");
            check(browser, "a PDF uploaded");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", save); // above the player bar
            save.click();
            WebElement open = browser.visible("encore-upload", ".saved a");
            assertThat(open.getText()).isEqualTo("Open presentation");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", open);
            open.click();
            browser.waitForPathStartingWith("/presentations/", Duration.ofSeconds(10));
            String path = browser.path();

            // rendered by its job: a progress bar first (unless it is that quick), then the slides
            WebElement slide = browser.waitFor(Duration.ofSeconds(120), () -> page(browser, ".slide img.full"));
            waitForImage(browser, slide);
            assertThat(counter(browser)).isEqualTo("Slide 1 of 4");
            assertThat(slide.getDomAttribute("alt")).startsWith("Slide 1 of 4: Harbour Project");
            assertThat(slide.getDomAttribute("src")).contains("/slides/1/full.webp").doesNotContain("Bearer");
            assertThat(browser.screen("encore-presentation").findElements(By.cssSelector(
                    ".strip .thumb"))).hasSize(4);
            check(browser, "the first slide");

            // the keyboard: → (the page's, outside any field), End, Home
            browser.inApp("main").sendKeys(Keys.ARROW_RIGHT);
            browser.waitFor(Duration.ofSeconds(5), () -> counter(browser).equals("Slide 2 of 4"));
            assertThat(browser.path()).isEqualTo(path + "?slide=2");
            WebElement second = page(browser, ".slide img.full");
            assertThat(second.getDomAttribute("alt")).startsWith("Slide 2 of 4: Where we stand");
            assertThat(page(browser, ".thumb[aria-current=true]").getDomAttribute("aria-label")).isEqualTo("Slide 2");
            waitForImage(browser, second);
            browser.screenshot("presentation");
            check(browser, "the second slide, by keyboard");
            browser.inApp("main").sendKeys(Keys.END);
            browser.waitFor(Duration.ofSeconds(5), () -> counter(browser).equals("Slide 4 of 4"));
            assertThat(page(browser, "button.nav.next").getDomProperty("disabled")).isEqualTo("true");
            browser.inApp("main").sendKeys(Keys.HOME);
            browser.waitFor(Duration.ofSeconds(5), () -> counter(browser).equals("Slide 1 of 4"));
            assertThat(browser.path()).isEqualTo(path);

            // the strip, then a swipe to the left (the next slide)
            WebElement third = page(browser, ".strip li:nth-child(3) .thumb");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", third); // above the player bar
            third.click();
            browser.waitFor(Duration.ofSeconds(5), () -> counter(browser).equals("Slide 3 of 4"));
            WebElement stage = page(browser, ".stage");
            browser.actions().moveToElement(stage).clickAndHold().moveByOffset(-140, 6).release().perform();
            browser.waitFor(Duration.ofSeconds(5), () -> counter(browser).equals("Slide 4 of 4"));
            assertThat(browser.path()).isEqualTo(path + "?slide=4");
            check(browser, "paged by the strip and a swipe");

            // the slide in the URL survives a reload
            browser.go(path + "?slide=3");
            browser.waitFor(Duration.ofSeconds(20), () -> counter(browser).equals("Slide 3 of 4"));
            assertThat(page(browser, ".slide img.full").getDomAttribute("alt")).startsWith("Slide 3 of 4: What people asked for");
            check(browser, "a slide's link reloaded");

            navigate(browser, viewport, "/library/presentations");
            WebElement card = browser.visible("encore-presentations", "a.tile[href='" + path + "']");
            assertThat(card.getText()).contains("Harbour Project", "4 slides");
            WebElement cover = browser.find("encore-presentations", "a.tile[href='" + path + "'] img");
            waitForImage(browser, cover);
            browser.screenshot("presentations");
            check(browser, "presentations");

            // its owner deletes it from its page: back to the presentations, where it is gone
            browser.go(path);
            browser.waitFor(Duration.ofSeconds(20), () -> page(browser, ".slide img.full"));
            SearchContext delete = browser.waitFor(Duration.ofSeconds(10), () -> page(browser, "encore-confirm-delete"))
                    .getShadowRoot();
            clickAbovePlayer(browser, delete.findElement(By.cssSelector("button.ask-delete")));
            WebElement confirm = browser.waitFor(Duration.ofSeconds(5),
                    () -> delete.findElement(By.cssSelector("button.confirm-delete")));
            assertThat(delete.findElement(By.cssSelector("#delete-question")).getText()).contains("Harbour Project");
            check(browser, "asked to delete the presentation");
            clickAbovePlayer(browser, confirm);
            browser.waitForPath("/library/presentations");
            // the list as it is now (other members' public presentations may be in it), without the deleted one
            browser.visible("encore-presentations", "h1");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> browser.screen("encore-presentations")
                    .findElements(By.cssSelector("a.tile[href='" + path + "']")).isEmpty());
            assertThat(api.get("/api/v1" + path, account.accessToken()).statusCode()).isEqualTo(404);
            check(browser, "the presentation deleted");
        }
    }

    /** Four 16:9 slides: a coloured band, a title and two lines each, in PDFBox's standard fonts. */
    static byte[] deck() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            Color[] bands = { new Color(0xE0356B), new Color(0x2F80ED), new Color(0x11998E), new Color(0xF7971E) };
            for (int i = 0; i < SLIDES.length; i++) {
                PDPage page = new PDPage(Pdfs.SLIDE);
                document.addPage(page);
                float width = Pdfs.SLIDE.getWidth();
                float height = Pdfs.SLIDE.getHeight();
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.setNonStrokingColor(i == 0 ? new Color(0x1B1B2F) : new Color(0xFAF8F4));
                    content.addRect(0, 0, width, height);
                    content.fill();
                    content.setNonStrokingColor(bands[i]);
                    content.addRect(0, i == 0 ? 0 : height - 18, width, i == 0 ? 14 : 18);
                    content.fill();
                    Color ink = i == 0 ? Color.WHITE : new Color(0x18181B);
                    text(content, bold, i == 0 ? 44 : 34, ink, 56, i == 0 ? 230 : 300, SLIDES[i][0]);
                    for (int line = 1; line < SLIDES[i].length; line++) {
                        text(content, regular, 22, i == 0 ? new Color(0xC9C5BC) : new Color(0x5B5B66), 56,
                                (i == 0 ? 186 : 236) - (line - 1) * 40, (i == 0 ? "" : "•  ") + SLIDES[i][line]);
                    }
                    text(content, regular, 12, new Color(0x8F8F9B), width - 56, 24,
                            String.valueOf(i + 1));
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, Color color, float x, float y,
            String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static void clickAbovePlayer(Browser browser, WebElement element) {
        browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static WebElement page(Browser browser, String css) {
        Object found = browser.script(PAGE, css);
        return found instanceof WebElement element ? element : null;
    }

    private static String counter(Browser browser) {
        WebElement counter = page(browser, ".counter");
        return counter == null ? "" : counter.getText().replaceAll("\\s+", " ").trim();
    }

    private static void waitForImage(Browser browser, WebElement image) {
        browser.waitFor(Duration.ofSeconds(15), () -> (Boolean) browser.script(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }
}
