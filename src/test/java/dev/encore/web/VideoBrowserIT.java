package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.TestAccounts.Account;
import dev.encore.web.Browser.Viewport;

/**
 * The video page in a real browser, on a 10-second 360p test pattern processed for real (ffmpeg, the
 * job queue): the grid shows the processed thumbnail; the page plays the HLS ladder through hls.js
 * (a MediaSource, so a {@code blob:} source) with the poster shown first, the quality menu lists Auto
 * and the renditions of the master playlist, the seek bar shows storyboard frames when hovered (on
 * a phone, while dragged), and a seek plays on into a later segment that hls.js fetched. And a video
 * still being processed: its page plays the original with the processing's progress, then moves to
 * HLS by itself when the job is done.
 */
class VideoBrowserIT extends BrowserTest {

    @TempDir
    static Path media;

    /** An element of the video page's player (through the app's, the page's and the player's shadow roots). */
    private static final String PLAYER = """
            const page = document.querySelector('encore-app').shadowRoot.querySelector('encore-video');
            const player = page && page.shadowRoot.querySelector('encore-video-player');
            return player && player.shadowRoot.querySelector(arguments[0]);
            """;

    /** The numbers of the HLS media segments the page fetched (resource timing sees hls.js's requests). */
    private static final String SEGMENTS = """
            return performance.getEntriesByType('resource').map(entry => entry.name)
                .filter(name => /\\/hls\\/[^/]+\\/[^/]+\\.m4s(\\?|$)/.test(name));
            """;

    private static final Pattern SEGMENT_NUMBER = Pattern.compile("(\\d+)\\.m4s");

    @ParameterizedTest
    @MethodSource("viewports")
    void playsTheLadderWithItsQualitiesAndStoryboard(Viewport viewport) throws Exception {
        Account account = users.user();
        LibraryFixtures library = LibraryFixtures.of(api, media);
        String id = library.video(account, 10, 360, "title", "Harbour Lights at Dusk", "description",
                "The harbour from the pier as the lights come on, with the evening ferry leaving.",
                "category", "Travel", "tags", "harbour").path("id").asString();
        JsonNode ready = awaitProcessed(account, id);
        assertThat(ready.path("renditions").valueStream().map(r -> r.path("name").asString()).toList())
                .contains("360p", "240p");

        try (Browser browser = open(viewport)) {
            signIn(browser, account);
            navigate(browser, viewport, "/library/videos");
            WebElement thumbnail = browser.visible("encore-videos", "a.tile[href='/videos/" + id + "'] img");
            assertThat(thumbnail.getDomAttribute("src")).contains("/thumbnail.webp").doesNotContain("Bearer");
            browser.waitFor(Duration.ofSeconds(10), () -> (Boolean) browser.script(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", thumbnail));
            browser.screenshot("videos");
            check(browser, "videos with their thumbnails");

            browser.find("encore-videos", "a.tile[href='/videos/" + id + "']").click();
            browser.waitForPath("/videos/" + id);
            WebElement video = browser.waitFor(Duration.ofSeconds(10), () -> player(browser, "video"));
            browser.waitFor(Duration.ofSeconds(15), () -> "hls".equals(player(browser, ".stage").getDomAttribute("data-mode")));
            assertThat(video.getDomAttribute("poster")).as("the poster while it loads").contains("/poster.webp");
            browser.waitFor(Duration.ofSeconds(15), () -> ((Number) browser.script("return arguments[0].readyState", video))
                    .intValue() >= 1);
            assertThat((String) browser.script("return arguments[0].src", video)).as("MediaSource, through hls.js")
                    .startsWith("blob:");
            assertThat(((Number) browser.script("return arguments[0].duration", video)).doubleValue()).isBetween(9.0, 11.0);
            assertThat((Boolean) browser.script("return performance.getEntriesByType('resource')"
                    + ".some(entry => entry.name.includes('/hls.js/1.4.12/dist/hls.mjs'))")).as("hls.js loaded").isTrue();
            check(browser, "the video page");

            // the quality menu: Auto and each rendition, by keyboard
            WebElement quality = browser.waitFor(Duration.ofSeconds(10), () -> player(browser, ".quality-button"));
            quality.click();
            List<String> items = browser.waitFor(Duration.ofSeconds(5), () -> {
                List<String> texts = texts(browser, ".menu [role=menuitemradio]");
                return texts.size() >= 3 ? texts : null;
            });
            assertThat(items.get(0)).startsWith("Auto");
            assertThat(items.subList(1, items.size())).anySatisfy(item -> assertThat(item).startsWith("360p"))
                    .anySatisfy(item -> assertThat(item).startsWith("240p"));
            assertThat(player(browser, ".menu [aria-checked=true]").getText()).startsWith("Auto");
            browser.screenshot("video-quality");
            check(browser, "the quality menu");
            WebElement focused = (WebElement) browser.script(
                    "return document.querySelector('encore-app').shadowRoot.querySelector('encore-video').shadowRoot"
                            + ".querySelector('encore-video-player').shadowRoot.activeElement");
            focused.sendKeys(Keys.END); // the lowest
            player(browser, ".menu [role=menuitemradio]:last-of-type").sendKeys(Keys.ENTER);
            browser.waitFor(Duration.ofSeconds(5), () -> player(browser, ".menu") == null);
            assertThat(player(browser, ".quality-button").getDomAttribute("aria-label")).isEqualTo("Quality: 240p");
            player(browser, ".quality-button").click();
            browser.waitFor(Duration.ofSeconds(5), () -> player(browser, ".menu [role=menuitemradio]")).click(); // Auto
            browser.waitFor(Duration.ofSeconds(5), () -> player(browser, ".quality-button").getDomAttribute("aria-label")
                    .startsWith("Quality: Auto"));

            // storyboard previews: hovering the seek bar (a phone has no hover: dragging it)
            WebElement seek = player(browser, ".seek");
            int width = seek.getRect().getWidth();
            if (viewport.phone()) {
                browser.actions().clickAndHold(seek).moveByOffset(width / 5, 0).perform();
            }
            else {
                browser.actions().moveToElement(seek, width / 5, 0).perform();
            }
            WebElement frame = browser.waitFor(Duration.ofSeconds(10), () -> {
                WebElement shown = player(browser, ".preview .frame");
                return shown != null && String.valueOf(browser.script("return arguments[0].style.backgroundImage", shown))
                        .contains("/storyboard/") ? shown : null;
            });
            assertThat(frame.getSize().getWidth()).isGreaterThan(60);
            assertThat((Boolean) browser.script("""
                    const url = arguments[0].style.backgroundImage.replace(/^url\\("?|"?\\)$/g, '');
                    return performance.getEntriesByType('resource').some(entry => entry.name === url);""", frame))
                    .as("the sprite sheet was fetched").isTrue();
            assertThat(player(browser, ".preview .at").getText()).matches("0:0[6-8]");
            browser.screenshot("video-storyboard");
            if (viewport.phone()) {
                browser.actions().release().perform();
            }

            // seek to the last segment (a click at 88 % of the bar) and play on there
            browser.actions().moveToElement(seek, (int) (width * 0.38), 0).click().perform();
            browser.script("arguments[0].muted = true; return arguments[0].play().then(() => true)", video);
            browser.waitFor(Duration.ofSeconds(20), () -> ((Number) browser.script("return arguments[0].currentTime", video))
                    .doubleValue() > 8.6);
            @SuppressWarnings("unchecked")
            List<String> segments = (List<String>) browser.script(SEGMENTS);
            assertThat(segments).as("segments hls.js fetched").isNotEmpty()
                    .allSatisfy(url -> assertThat(url).doesNotContain("Bearer"));
            int furthest = segments.stream().map(SEGMENT_NUMBER::matcher).filter(Matcher::find)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
            assertThat(furthest).as("a segment past the first two (8 s of 4-second segments): %s", segments)
                    .isGreaterThanOrEqualTo(3);
            browser.script("arguments[0].pause(); arguments[0].currentTime = 4.2", video);
            browser.waitFor(Duration.ofSeconds(10), () -> (Boolean) browser.script(
                    "return !arguments[0].seeking && arguments[0].readyState >= 2", video));
            browser.screenshot("video");
            check(browser, "a video played into a later segment");
        }
    }

    @Test
    void aVideoStillProcessingPlaysTheOriginalThenMovesToHls() throws Exception {
        Account account = users.user();
        LibraryFixtures library = LibraryFixtures.of(api, media);
        try (Browser browser = open(Viewport.DESKTOP)) {
            signIn(browser, account);
            String id = library.video(account, 10, 360, "title", "Ferry Crossing").path("id").asString();
            browser.go("/videos/" + id);
            WebElement bar = browser.waitFor(Duration.ofSeconds(10), () -> {
                Object found = browser.script("""
                        const page = document.querySelector('encore-app').shadowRoot.querySelector('encore-video');
                        return page && page.shadowRoot.querySelector('.notice [role=progressbar]');""");
                return found instanceof WebElement element ? element : null;
            });
            assertThat(bar.getDomAttribute("aria-valuenow")).isNotNull();
            assertThat(player(browser, ".stage").getDomAttribute("data-mode")).isEqualTo("original");
            WebElement video = browser.waitFor(Duration.ofSeconds(10), () -> player(browser, "video"));
            browser.waitFor(Duration.ofSeconds(10), () -> ((Number) browser.script("return arguments[0].readyState", video))
                    .intValue() >= 1);
            browser.screenshot("video-processing");
            check(browser, "a video being processed");

            browser.waitFor(Duration.ofSeconds(180), () -> "hls".equals(player(browser, ".stage").getDomAttribute("data-mode")));
            assertThat(browser.script("""
                    const page = document.querySelector('encore-app').shadowRoot.querySelector('encore-video');
                    return page.shadowRoot.querySelector('.notice');""")).as("the progress is gone").isNull();
            assertThat(awaitProcessed(account, id).path("processing").path("state").asString()).isEqualTo("ready");
            check(browser, "the processed video, without a reload");
        }
    }

    /** Waits for the video's processing job to finish, and that it made the ladder. */
    private JsonNode awaitProcessed(Account account, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonNode video;
        do {
            video = Api.json(api.get("/api/v1/videos/" + id, account.accessToken()));
            String state = video.path("processing").path("state").asString();
            if (!state.equals("processing")) {
                assertThat(state).as(video.toString()).isEqualTo("ready");
                return video;
            }
            Thread.sleep(500);
        }
        while (System.nanoTime() < deadline);
        throw new AssertionError("still processing: " + video);
    }

    private static WebElement player(Browser browser, String css) {
        Object found = browser.script(PLAYER, css);
        return found instanceof WebElement element ? element : null;
    }

    private static List<String> texts(Browser browser, String css) {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) browser.script("""
                const page = document.querySelector('encore-app').shadowRoot.querySelector('encore-video');
                const root = page.shadowRoot.querySelector('encore-video-player').shadowRoot;
                return [...root.querySelectorAll(arguments[0])].map(e => e.textContent.replace(/\\s+/g, ' ').trim());""",
                css);
        return texts;
    }
}
