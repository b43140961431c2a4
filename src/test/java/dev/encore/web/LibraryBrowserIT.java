package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.TestAccounts.Account;
import dev.encore.web.Browser.Viewport;

/**
 * The library screens in a real browser, at desktop and phone width: the tracks table filtered and
 * sorted (kept in the URL over a reload), a row's play button and drag, the albums and artists
 * grids with their covers and an album's page, search with a typo driven by the keyboard alone,
 * editing a track (a field error first), a video playing on its page from its signed stream URL and
 * then deleted from it, and a track deleted from its editor. Every step leaves the console quiet and
 * passes axe-core. (The player following an edited or deleted track: PlayerPlaylistsBrowserIT, whose
 * tracks are long enough to be still playing.)
 */
class LibraryBrowserIT extends BrowserTest {

    @TempDir
    static Path media;

    /** Records what the app asks the player to play (the player is another screen's business). */
    private static final String RECORD_PLAYS = """
            window.plays = [];
            window.addEventListener('encore-play', (event) => window.plays.push(JSON.parse(JSON.stringify(event.detail))));
            """;

    /** The element at the end of a chain of selectors, each inside the previous one's shadow root. */
    private static final String DEEP = """
            let node = document.querySelector('encore-app').shadowRoot;
            let element = null;
            for (const selector of arguments[0]) {
              element = node.querySelector(selector);
              if (!element) return null;
              node = element.shadowRoot ?? element;
            }
            return element;
            """;

    /** The focused element, through shadow roots. */
    private static final String ACTIVE = """
            let element = document.activeElement;
            while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
            return element;
            """;

    @ParameterizedTest
    @MethodSource("viewports")
    void browseSortSearchEditAndWatch(Viewport viewport) throws Exception {
        Account account = users.user();
        LibraryFixtures library = LibraryFixtures.of(api, media);
        library.trackWithCover(account, "0x7f5af0", "0x2cb1bc", "title", "Midnight Drive", "artist",
                "The Night Shift", "album", "After Hours", "genre", "Synthwave", "year", "2021");
        library.trackWithCover(account, "0x7f5af0", "0x2cb1bc", "title", "City Lights", "artist", "The Night Shift",
                "album", "After Hours", "genre", "Synthwave", "year", "2021");
        library.trackWithCover(account, "0x7f5af0", "0x2cb1bc", "title", "Afterglow", "artist", "The Night Shift",
                "album", "After Hours", "genre", "Synthwave", "year", "2021");
        library.trackWithCover(account, "0xff7a59", "0xe0356b", "title", "Neon Coast", "artist", "Lumen", "album",
                "Tidal", "genre", "Dream Pop");
        library.trackWithCover(account, "0x11998e", "0x38ef7d", "title", "Paper Planes", "artist", "Harbour Lights",
                "album", "Open Water", "genre", "Indie");
        library.track(account, "title", "Slow Tide", "artist", "Lumen", "album", "Tidal", "genre", "Dream Pop");
        JsonNode video = library.video(account, "title", "Harbour at Dawn", "description",
                "Boats leaving the harbour, filmed from the pier.", "category", "Travel");

        try (Browser browser = open(viewport)) {
            signIn(browser, account);
            browser.script(RECORD_PLAYS);
            browser.visible("encore-tracks", "tbody tr td.duration");
            waitUntil(browser, () -> titles(browser).size() == 6);
            check(browser, "tracks");

            filterAndSortTracks(browser, viewport);
            playAndDragARow(browser, viewport);
            editATrack(browser, account);
            albumsAndArtists(browser, viewport);
            searchByKeyboard(browser, viewport);
            watchAVideo(browser, viewport, video.path("id").asString(), account);
            deleteATrack(browser, viewport, account);
        }
    }

    private void filterAndSortTracks(Browser browser, Viewport viewport) {
        browser.find("encore-tracks", ".filter input").sendKeys("night shift");
        waitUntil(browser, () -> titles(browser).size() == 3 && browser.path().contains("q=night+shift"));
        if (viewport.phone()) {
            browser.find("encore-tracks", "select#order").sendKeys("Title");
        }
        else {
            browser.find("encore-tracks", "th button.sorter[title='Sort by title']").click();
        }
        waitUntil(browser, () -> browser.path().contains("sort=title%2Casc"));
        waitUntil(browser, () -> titles(browser).equals(List.of("Afterglow", "City Lights", "Midnight Drive")));
        if (!viewport.phone()) {
            assertThat(browser.find("encore-tracks", "th[aria-sort=ascending]").getText()).containsIgnoringCase("title");
            browser.find("encore-tracks", "th button.sorter[title='Sort by title']").click();
            waitUntil(browser, () -> titles(browser).equals(List.of("Midnight Drive", "City Lights", "Afterglow")));
        }
        String sorted = browser.path();
        browser.go(sorted); // a reload keeps the filter and the order
        waitUntil(browser, () -> titles(browser).size() == 3);
        assertThat(browser.find("encore-tracks", ".filter input").getDomProperty("value")).isEqualTo("night shift");
        assertThat(titles(browser)).isEqualTo(viewport.phone() ? List.of("Afterglow", "City Lights", "Midnight Drive")
                : List.of("Midnight Drive", "City Lights", "Afterglow"));
        browser.script(RECORD_PLAYS);
        check(browser, "tracks filtered and sorted");
    }

    private void playAndDragARow(Browser browser, Viewport viewport) {
        browser.find("encore-tracks", "button.play[aria-label='Play City Lights']").sendKeys(Keys.ENTER);
        @SuppressWarnings("unchecked")
        Map<String, Object> play = (Map<String, Object>) waitFor(browser, () -> browser.script("return window.plays[0]"));
        assertThat(play).containsEntry("index", 1L).containsEntry("mode", "now");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tracks = (List<Map<String, Object>>) play.get("tracks");
        assertThat(tracks).extracting(track -> track.get("title")).hasSize(3).element(1).isEqualTo("City Lights");
        assertThat((String) tracks.get(1).get("streamUrl")).as("a signed stream URL, no token").isNotBlank()
                .doesNotContain("Bearer");
        if (!viewport.phone()) {
            Object dragged = browser.script("""
                    const row = arguments[0].closest('tr');
                    const data = new DataTransfer();
                    row.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
                    return data.getData('application/x-encore-track');""",
                    browser.find("encore-tracks", "button.play[aria-label='Play City Lights']"));
            assertThat((String) dragged).contains("\"title\":\"City Lights\"").contains("\"id\":\"");
        }
        check(browser, "a row played");
    }

    private void editATrack(Browser browser, Account account) {
        browser.find("encore-tracks", "button.edit[aria-label='Edit City Lights']").click();
        WebElement title = deep(browser, "encore-tracks", "encore-track-editor", "dialog[open] #title");
        assertThat(activeId(browser)).isEqualTo("title");
        String id = (String) browser.script("return window.plays[0].tracks[1].id");
        title.clear();
        title.sendKeys("   " + Keys.ENTER);
        WebElement error = deep(browser, "encore-tracks", "encore-track-editor", "#title-error");
        assertThat(error.getText()).isNotBlank();
        assertThat(title.getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("track-edit");
        check(browser, "track edit with a field error", "/api/v1/tracks/" + id
                + " - Failed to load resource: the server responded with a status of 400 ()");

        title.clear();
        title.sendKeys("City Lights (Live)");
        deep(browser, "encore-tracks", "encore-track-editor", "label.choice:nth-child(2)").click();
        deep(browser, "encore-tracks", "encore-track-editor", "button[type=submit]").click();
        waitUntil(browser, () -> browser.script(DEEP, List.of("encore-tracks", "encore-track-editor", "dialog[open]")) == null);
        waitUntil(browser, () -> titles(browser).contains("City Lights (Live)"));
        JsonNode saved = Api.json(api.get("/api/v1/tracks/" + id, account.accessToken()));
        assertThat(saved.path("title").asString()).isEqualTo("City Lights (Live)");
        assertThat(saved.path("visibility").asString()).isEqualTo("unlisted");
        check(browser, "track edited");

        // changed elsewhere meanwhile: the save is refused (412), and Reload shows the other change
        assertThat(api.send("PATCH", "/api/v1/tracks/" + id, account.accessToken(),
                "{\"title\":\"City Lights (Remix)\"}").statusCode()).isEqualTo(200);
        browser.find("encore-tracks", "button.edit[aria-label='Edit City Lights (Live)']").click();
        deep(browser, "encore-tracks", "encore-track-editor", "dialog[open] #genre").sendKeys(" Noir");
        deep(browser, "encore-tracks", "encore-track-editor", "button[type=submit]").click();
        WebElement stale = deep(browser, "encore-tracks", "encore-track-editor", ".alert.stale");
        assertThat(stale.getText()).contains("changed elsewhere");
        check(browser, "track changed elsewhere", "/api/v1/tracks/" + id
                + " - Failed to load resource: the server responded with a status of 412 ()");
        deep(browser, "encore-tracks", "encore-track-editor", ".alert.stale button").click();
        waitUntil(browser, () -> "City Lights (Remix)".equals(deep(browser, "encore-tracks", "encore-track-editor",
                "dialog[open] #title").getDomProperty("value")));
        deep(browser, "encore-tracks", "encore-track-editor", "dialog[open] button.close").click();
        waitUntil(browser, () -> titles(browser).contains("City Lights (Remix)"));
        check(browser, "track reloaded");
    }

    private void albumsAndArtists(Browser browser, Viewport viewport) {
        navigate(browser, viewport, "/library/albums");
        WebElement album = browser.visible("encore-albums", "a.tile[href^='/library/albums/After%20Hours']");
        assertThat(album.getText()).contains("After Hours", "The Night Shift", "3 tracks");
        assertThat((String) browser.script("return arguments[0].src", deep(browser, "encore-albums",
                "a.tile[href^='/library/albums/After%20Hours'] encore-cover", "img"))).startsWith("data:image/");
        browser.screenshot("albums");
        check(browser, "albums");

        album.click();
        waitUntil(browser, () -> browser.path().startsWith("/library/albums/After%20Hours?artist=The%20Night%20Shift"));
        assertThat(browser.visible("encore-album", "h1").getText()).isEqualTo("After Hours");
        waitUntil(browser, () -> titles(browser, "encore-album").size() == 3);
        assertThat(browser.find("encore-album", ".meta").getText()).contains("The Night Shift", "3 tracks");
        browser.screenshot("album");
        check(browser, "an album");

        navigate(browser, viewport, "/library/artists");
        WebElement artist = browser.visible("encore-artists", "a.tile[href='/library/artists/Lumen']");
        assertThat(artist.getText()).contains("Lumen", "2 tracks");
        browser.visible("encore-artists", "a.tile[href='/library/artists/The%20Night%20Shift']");
        browser.screenshot("artists");
        check(browser, "artists");
        artist.click();
        waitUntil(browser, () -> titles(browser, "encore-artist").equals(List.of("Neon Coast", "Slow Tide"))
                || titles(browser, "encore-artist").equals(List.of("Slow Tide", "Neon Coast")));
        browser.visible("encore-artist", "a.tile[href^='/library/albums/Tidal']");
        check(browser, "an artist");
    }

    private void searchByKeyboard(Browser browser, Viewport viewport) {
        browser.inApp("main").sendKeys("/");
        if (viewport.phone()) {
            browser.waitForPath("/search");
            waitUntil(browser, () -> "search".equals(browser.script("const e = (" + "() => {" + ACTIVE
                    + "})(); return e && e.type")));
            active(browser).sendKeys("midnigt drve");
            waitUntil(browser, () -> browser.path().equals("/search?q=midnigt%20drve"));
            waitUntil(browser, () -> titles(browser, "encore-search").equals(List.of("Midnight Drive")));
            browser.visible("encore-search", "a.tile[href^='/library/albums/After%20Hours']");
            browser.screenshot("search");
            check(browser, "search");
            for (int tab = 0; tab < 30 && !String.valueOf(active(browser).getDomAttribute("href"))
                    .startsWith("/library/albums/After%20Hours"); tab++) {
                active(browser).sendKeys(Keys.TAB);
            }
            active(browser).sendKeys(Keys.ENTER);
        }
        else {
            WebElement box = active(browser);
            assertThat(box.getDomAttribute("role")).isEqualTo("combobox");
            box.sendKeys("midnigt drve");
            WebElement option = deep(browser, "encore-search-box", "[role=option]");
            waitUntil(browser, () -> option.getText().contains("Midnight Drive"));
            assertThat(box.getDomAttribute("aria-expanded")).isEqualTo("true");
            assertThat(deep(browser, "encore-search-box", "#search-results").getText().toLowerCase(Locale.ROOT))
                    .contains("tracks", "midnight drive", "artists", "the night shift", "albums", "after hours");
            box.sendKeys(Keys.ARROW_DOWN);
            assertThat(box.getDomAttribute("aria-activedescendant")).isEqualTo("search-option-0");
            browser.screenshot("search");
            check(browser, "search");
            box.sendKeys(Keys.ENTER); // a track plays
            waitUntil(browser, () -> "Midnight Drive".equals(browser.script(
                    "return window.plays.at(-1)?.tracks[0].title")));
            for (int down = 0; down < 6 && !activeOption(browser).startsWith("After Hours"); down++) {
                box.sendKeys(Keys.ARROW_DOWN);
            }
            box.sendKeys(Keys.ENTER); // an album opens
        }
        waitUntil(browser, () -> browser.path().startsWith("/library/albums/After%20Hours"));
        waitUntil(browser, () -> titles(browser, "encore-album").contains("Midnight Drive"));
        check(browser, "a search result opened");

        browser.go("/search?q=midnigt%20drve"); // the results page survives a reload
        waitUntil(browser, () -> titles(browser, "encore-search").equals(List.of("Midnight Drive")));
        assertThat(browser.find("encore-search", "input[type=search]").getDomProperty("value")).isEqualTo("midnigt drve");
        check(browser, "search results reloaded");
    }

    private void watchAVideo(Browser browser, Viewport viewport, String id, Account account) {
        navigate(browser, viewport, "/library/videos");
        WebElement tile = browser.visible("encore-videos", "a.tile[href='/videos/" + id + "']");
        assertThat(tile.getText()).contains("Harbour at Dawn", "0:02");
        check(browser, "videos");

        tile.click();
        browser.waitForPath("/videos/" + id);
        WebElement video = deep(browser, "encore-video", "encore-video-player", "video");
        waitUntil(browser, () -> video.getDomAttribute("src") != null);
        assertThat(video.getDomAttribute("src")).as("the signed stream URL (or MediaSource's blob:)").isNotBlank()
                .doesNotContain("token=ey");
        waitUntil(browser, () -> ((Number) browser.script("return arguments[0].readyState", video)).intValue() >= 1);
        assertThat(((Number) browser.script("return arguments[0].duration", video)).doubleValue()).isBetween(1.5, 2.5);
        Object played = browser.script("""
                const video = arguments[0];
                video.muted = true;
                return video.play().then(() => new Promise((done) => setTimeout(() => done(video.currentTime), 600)));""",
                video);
        assertThat(((Number) played).doubleValue()).as("currentTime after playing").isPositive();
        assertThat(browser.find("encore-video", "h1").getText()).isEqualTo("Harbour at Dawn");
        check(browser, "a video playing");

        // its owner deletes it, after a second thought: back to the videos, where it is gone
        browser.script("arguments[0].pause()", video);
        clickAbovePlayer(browser, deep(browser, "encore-video", "encore-confirm-delete", "button.ask-delete"));
        WebElement confirm = deep(browser, "encore-video", "encore-confirm-delete", "button.confirm-delete");
        assertThat(deep(browser, "encore-video", "encore-confirm-delete", "#delete-question").getText())
                .contains("Harbour at Dawn");
        assertThat(active(browser)).isEqualTo(confirm);
        browser.screenshot("video-delete");
        check(browser, "asked to delete the video");
        clickAbovePlayer(browser, deep(browser, "encore-video", "encore-confirm-delete", "button.keep"));
        clickAbovePlayer(browser, deep(browser, "encore-video", "encore-confirm-delete", "button.ask-delete"));
        clickAbovePlayer(browser, deep(browser, "encore-video", "encore-confirm-delete", "button.confirm-delete"));
        browser.waitForPath("/library/videos");
        // the list as it is now (other members' public videos may be in it), without the deleted one
        browser.visible("encore-videos", "h1");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> browser.screen("encore-videos")
                .findElements(By.cssSelector("a.tile[href='/videos/" + id + "']")).isEmpty());
        assertThat(api.get("/api/v1/videos/" + id, account.accessToken()).statusCode()).isEqualTo(404);
        check(browser, "the video deleted");
    }

    private void deleteATrack(Browser browser, Viewport viewport, Account account) {
        navigate(browser, viewport, "/library/tracks");
        waitUntil(browser, () -> titles(browser).size() == 6);
        String id = Api.json(api.get("/api/v1/tracks?q=Slow%20Tide", account.accessToken())).path("items").get(0)
                .path("id").asString();
        browser.find("encore-tracks", "button.edit[aria-label='Edit Slow Tide']").click();
        deep(browser, "encore-tracks", "encore-track-editor", "dialog[open] #title");
        clickAbovePlayer(browser, deep(browser, "encore-tracks", "encore-track-editor", "encore-confirm-delete",
                "button.ask-delete"));
        WebElement confirm = deep(browser, "encore-tracks", "encore-track-editor", "encore-confirm-delete",
                "button.confirm-delete");
        assertThat(deep(browser, "encore-tracks", "encore-track-editor", "encore-confirm-delete", "#delete-question")
                .getText()).contains("Slow Tide");
        assertThat(active(browser)).isEqualTo(confirm);
        browser.screenshot("track-delete");
        check(browser, "asked to delete a track");

        clickAbovePlayer(browser, confirm);
        waitUntil(browser, () -> browser.script(DEEP, List.of("encore-tracks", "encore-track-editor", "dialog[open]")) == null);
        waitUntil(browser, () -> titles(browser).size() == 5 && !titles(browser).contains("Slow Tide"));
        assertThat(browser.find("encore-tracks", ".count").getText()).startsWith("5 tracks");
        assertThat(api.get("/api/v1/tracks/" + id, account.accessToken()).statusCode()).isEqualTo(404);
        check(browser, "a track deleted");
    }

    /** Clicks an element once it is scrolled to the middle of the window, above the player bar. */
    private static void clickAbovePlayer(Browser browser, WebElement element) {
        browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static List<String> titles(Browser browser) {
        return titles(browser, "encore-tracks");
    }

    private static List<String> titles(Browser browser, String screen) {
        return browser.screen(screen).findElements(By.cssSelector("tbody tr td.title strong")).stream()
                .map(WebElement::getText).toList();
    }

    private static WebElement deep(Browser browser, String... selectors) {
        return (WebElement) waitFor(browser, () -> browser.script(DEEP, List.of(selectors)));
    }

    private static WebElement active(Browser browser) {
        return (WebElement) browser.script(ACTIVE);
    }

    private static String activeId(Browser browser) {
        return (String) browser.script("const e = (() => {" + ACTIVE + "})(); return e && e.id");
    }

    private static String activeOption(Browser browser) {
        Object text = browser.script(DEEP, List.of("encore-search-box", "[role=option][aria-selected=true]"));
        return text instanceof WebElement option ? option.getText() : "";
    }

    private static void waitUntil(Browser browser, Supplier<Boolean> condition) {
        waitFor(browser, () -> Boolean.TRUE.equals(condition.get()) ? Boolean.TRUE : null);
    }

    private static Object waitFor(Browser browser, Supplier<Object> lookup) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                Object found = lookup.get();
                if (found != null) {
                    return found;
                }
            }
            catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting (" + browser.path() + ")", last);
    }
}
