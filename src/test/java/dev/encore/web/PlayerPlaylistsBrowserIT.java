package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.TestAccounts;
import dev.encore.web.Browser.Viewport;

/**
 * The persistent player and playlists in a real browser, at desktop and phone width: play a track,
 * seek with the scrubber and the keyboard (the page's own {@code <audio>} moves there), open the
 * queue, navigate and keep playing, next and previous, the play reported to the API, resume after a
 * reload, the bar and the queue following the track that plays when it is edited, and letting go of
 * deleted tracks (a queued one leaves the queue; the one that plays stops); then build a playlist
 * from the track menu (and by drag and drop on desktop), reorder it by keyboard and by drag and
 * drop, an edit made stale by a change elsewhere says so and reloads, and a share link another
 * member opens read-only until it is stopped.
 */
class PlayerPlaylistsBrowserIT extends BrowserTest {

    private static final int SECONDS = 30;
    private static final String[] TITLES = { "Harbour Lights", "Silver Morning", "Glass Rivers" };

    @TempDir
    static Path media;

    @ParameterizedTest
    @MethodSource("viewports")
    void playsSeeksKeepsPlayingAcrossNavigationAndResumesAfterAReload(Viewport viewport) throws Exception {
        TestAccounts.Account account = users.user();
        seed(account);
        try (Browser browser = open(viewport)) {
            signIn(browser, account);
            browser.visible("encore-tracks", "tbody tr td.duration");
            check(browser, "tracks with play buttons");

            WebElement play = browser.find("encore-tracks", "button.play[aria-label='Play " + TITLES[0] + "']");
            browser.hover((WebElement) browser.script("return arguments[0].closest('tr')", play)); // the number turns into a play button
            play.click();
            Map<String, Object> playing = until(browser, state -> TITLES[0].equals(state.get("title"))
                    && !(Boolean) state.get("paused") && time(state) > 0.3);
            assertThat(playing.get("src").toString()).contains("/stream/tracks/").doesNotContain("access");
            check(browser, "playing");

            WebElement seek = bar(browser).findElement(By.cssSelector("input#seek[type=range]"));
            assertThat(seek.getAttribute("aria-label")).isEqualTo("Seek");
            browser.script("""
                    const seek = arguments[0];
                    seek.value = '20';
                    seek.dispatchEvent(new Event('input', { bubbles: true }));
                    seek.dispatchEvent(new Event('change', { bubbles: true }));""", seek);
            until(browser, state -> time(state) >= 20 && time(state) < 24);
            assertThat(seek.getAttribute("aria-valuetext")).endsWith("of 30 seconds").contains("20 seconds");
            check(browser, "seeked with the scrubber");

            // the keyboard: ← goes back 5 seconds (not while typing in a field)
            browser.script("document.activeElement?.blur()");
            pressOnPage(browser, "ArrowLeft", false);
            until(browser, state -> time(state) >= 15 && time(state) < 20);

            openQueue(browser, viewport);
            WebElement queue = queue(browser).findElement(By.cssSelector("section.queue"));
            assertThat(queue.getText()).containsIgnoringCase("Now playing").containsIgnoringCase("Next up")
                    .contains(TITLES[0], TITLES[1], TITLES[2]);
            browser.screenshot("player");
            check(browser, "queue open");
            browser.darkTheme(true);
            browser.screenshot("player-dark");
            check(browser, "queue open, dark theme");
            browser.darkTheme(false);
            queue(browser).findElement(By.cssSelector("button.pick")).sendKeys(Keys.ESCAPE);
            await().atMost(Duration.ofSeconds(5)).until(() -> bar(browser).findElements(By.cssSelector("#queue")).isEmpty());
            assertThat(browser.script("return document.querySelector('encore-app').shadowRoot"
                    + ".querySelector('encore-player-bar').shadowRoot.activeElement?.getAttribute('aria-label')"))
                    .isEqualTo("Queue");

            browser.script("window.encoreSamePage = true");
            navigate(browser, viewport, "/playlists");
            browser.waitForPath("/playlists");
            browser.visible("encore-playlists", "h1");
            double before = time(state(browser));
            Map<String, Object> later = until(browser, state -> time(state) > before + 1);
            assertThat(later.get("paused")).isEqualTo(false);
            assertThat(browser.script("return window.encoreSamePage === true")).as("no page reload").isEqualTo(true);
            check(browser, "still playing on another screen");

            bar(browser).findElement(By.cssSelector("button.next")).click();
            until(browser, state -> TITLES[1].equals(state.get("title")) && !(Boolean) state.get("paused"));
            pressOnPage(browser, "ArrowRight", true); // shift+→: next
            until(browser, state -> TITLES[2].equals(state.get("title")));
            bar(browser).findElement(By.cssSelector("button.previous")).click();
            until(browser, state -> TITLES[1].equals(state.get("title")) && !(Boolean) state.get("paused"));
            check(browser, "next and previous");
            assertPlayReported(account);

            // quality: a transcoded rendition, at the same place, still seekable
            bar(browser).findElements(By.cssSelector("button.more-toggle[aria-expanded='false']"))
                    .stream().filter(WebElement::isDisplayed).forEach(WebElement::click); // phones: the quality is there
            double heard = time(state(browser));
            browser.script("""
                    const select = arguments[0];
                    select.value = '128';
                    select.dispatchEvent(new Event('change', { bubbles: true }));""",
                    bar(browser).findElement(By.cssSelector("select#quality")));
            Map<String, Object> transcoded = until(browser, state -> state.get("src").toString().contains("bitrate=128")
                    && !(Boolean) state.get("paused") && time(state) >= heard);
            String rendition = transcoded.get("src").toString();
            browser.script("""
                    const seek = arguments[0];
                    seek.value = '25';
                    seek.dispatchEvent(new Event('change', { bubbles: true }));""", seek);
            until(browser, state -> time(state) >= 25 && time(state) < 29);
            check(browser, "transcoded quality, seekable", rendition.substring(rendition.indexOf("/stream/"))
                    + " - Failed to load resource: the server responded with a status of 503 (Service Unavailable)");

            browser.script("""
                    const seek = arguments[0];
                    seek.value = '12';
                    seek.dispatchEvent(new Event('change', { bubbles: true }));""", seek);
            until(browser, state -> time(state) >= 12);
            bar(browser).findElement(By.cssSelector("button.play-pause[aria-label='Pause']")).click();
            until(browser, state -> (Boolean) state.get("paused"));
            double pausedAt = time(state(browser));

            browser.go("/library/tracks"); // a reload: the queue and the place in it come back, paused
            Map<String, Object> resumed = until(browser, state -> TITLES[1].equals(state.get("title")));
            assertThat(resumed.get("paused")).isEqualTo(true);
            WebElement scrubber = bar(browser).findElement(By.cssSelector("input#seek"));
            assertThat(Double.parseDouble(scrubber.getDomProperty("value"))).isCloseTo(pausedAt, within(1.5));
            assertThat(scrubber.getAttribute("aria-valuetext")).startsWith((int) pausedAt + " seconds of");
            check(browser, "offers to resume after a reload");
            bar(browser).findElement(By.cssSelector("button.play-pause[aria-label='Play']")).click();
            until(browser, state -> !(Boolean) state.get("paused") && time(state) > pausedAt + 0.3
                    && time(state) < pausedAt + 5);
            check(browser, "resumed after a reload");

            editAndDeleteWhatPlays(browser, viewport, account);
        }
    }

    /** The bar and the queue follow the track that plays when it is edited, and let go of deleted tracks. */
    private void editAndDeleteWhatPlays(Browser browser, Viewport viewport, TestAccounts.Account account) {
        Map<String, String> ids = trackIds(account);
        browser.script("""
                const seek = arguments[0];
                seek.value = '1';
                seek.dispatchEvent(new Event('change', { bubbles: true }));""",
                bar(browser).findElement(By.cssSelector("input#seek"))); // time enough for what follows
        until(browser, state -> TITLES[1].equals(state.get("title")) && time(state) < 5 && !(Boolean) state.get("paused"));
        String renamed = TITLES[1] + " (Edit)";
        clickAbovePlayer(browser, browser.find("encore-tracks", "button.edit[aria-label='Edit " + TITLES[1] + "']"));
        WebElement title = inEditor(browser, "dialog[open] #title");
        title.clear();
        title.sendKeys(renamed);
        inEditor(browser, "button[type=submit]").click();
        until(browser, state -> renamed.equals(state.get("title")) && !(Boolean) state.get("paused"));
        openQueue(browser, viewport);
        assertThat(queue(browser).findElement(By.cssSelector("section.queue")).getText()).contains(renamed, TITLES[2]);
        check(browser, "the track that plays edited: the bar and the queue follow");
        queue(browser).findElement(By.cssSelector("button.pick")).sendKeys(Keys.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> bar(browser).findElements(By.cssSelector("#queue")).isEmpty());

        // a queued track deleted leaves the queue; what plays goes on
        deleteInEditor(browser, TITLES[2]);
        openQueue(browser, viewport);
        await().atMost(Duration.ofSeconds(5)).until(() -> !queue(browser).findElement(By.cssSelector("section.queue"))
                .getText().contains(TITLES[2]));
        assertThat(state(browser).get("paused")).isEqualTo(false);
        check(browser, "a queued track deleted");
        queue(browser).findElement(By.cssSelector("button.pick")).sendKeys(Keys.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> bar(browser).findElements(By.cssSelector("#queue")).isEmpty());

        // the track that plays deleted: it stops, and what is left of the queue waits, paused
        deleteInEditor(browser, renamed);
        until(browser, state -> TITLES[0].equals(state.get("title")) && (Boolean) state.get("paused"));
        assertThat(browser.script("""
                return document.querySelector('encore-app').shadowRoot.querySelector('encore-player-bar')
                    .shadowRoot.querySelector('audio').getAttribute('src');""")).as("the audio let go of it").isNull();
        String kept = (String) browser.script("return localStorage.getItem('encore.player.' + arguments[0])", account.id());
        assertThat(kept).as("the queue kept for a reload").doesNotContain(ids.get(TITLES[1]), ids.get(TITLES[2]))
                .contains(ids.get(TITLES[0]));
        assertThat(trackIds(account)).containsOnlyKeys(TITLES[0]);
        assertThat(browser.screen("encore-tracks").findElements(By.cssSelector("tbody tr"))).hasSize(1);
        check(browser, "the track that plays deleted");
    }

    /** The owner shares the private playlist by link; another member opens it read-only, until sharing stops. */
    private void shareByLink(Browser browser, Viewport viewport) {
        WebElement toggle = browser.find("encore-playlist", "button.share-toggle");
        clickAbovePlayer(browser, toggle);
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
        clickAbovePlayer(browser, browser.find("encore-playlist", "#share-panel button.create-link"));
        WebElement field = browser.visible("encore-playlist", "#share-link");
        String link = await().atMost(Duration.ofSeconds(10)).until(() -> field.getDomProperty("value"),
                value -> value != null && !value.isBlank());
        assertThat(link).startsWith("http://localhost:" + PORT + "/playlists/shared/");
        clickAbovePlayer(browser, browser.find("encore-playlist", "button.copy-link"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !browser.find("encore-playlist", "#share-panel [role=status]")
                .getAttribute("textContent").isBlank());
        browser.screenshot("playlist-share");
        check(browser, "a share link");

        // the page opened again knows the link is live: the owner's answer carries its token
        String owned = browser.tab();
        browser.openTab(browser.path());
        clickAbovePlayer(browser, browser.find("encore-playlist", "button.share-toggle"));
        WebElement known = browser.visible("encore-playlist", "#share-link");
        assertThat(known.getDomProperty("value")).as("shown without asking for a link again").isEqualTo(link);
        browser.switchToTab(owned);

        String path = URI.create(link).getPath();
        String token = path.substring(path.lastIndexOf('/') + 1);
        try (Browser friend = open(viewport)) {
            signIn(friend, users.user());
            friend.go(path);
            assertThat(friend.visible("encore-playlist", "h1").getText()).isEqualTo("Road Trip");
            await().atMost(Duration.ofSeconds(10)).until(() -> shownTitles(friend).size() == 3);
            assertThat(friend.find("encore-playlist", ".eyebrow").getText()).containsIgnoringCase("Shared playlist");
            assertThat(friend.screen("encore-playlist").findElements(By.cssSelector(
                    "button.edit-details, button.share-toggle, button.remove, button.move-up, .grip"))).isEmpty();
            friend.find("encore-playlist", "button.play-all").click();
            until(friend, state -> state.get("title") != null && !(Boolean) state.get("paused"));
            friend.screenshot("playlist-shared");
            check(friend, "a shared playlist, read-only, playing");

            clickAbovePlayer(browser, browser.find("encore-playlist", "#share-panel button.stop-sharing"));
            browser.visible("encore-playlist", "#share-panel button.create-link");
            check(browser, "sharing stopped");
            friend.go(path);
            assertThat(friend.visible("encore-playlist", "#failed-title").getText()).isEqualTo("No such playlist");
            check(friend, "a stopped share link", "/api/v1/playlists/shared/" + token
                    + " - Failed to load resource: the server responded with a status of 404 ()");
        }
        clickAbovePlayer(browser, toggle);
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.screen("encore-playlist")
                .findElements(By.cssSelector("#share-panel")).isEmpty());
    }

    /** "Delete track…" in a track's editor on the tracks screen, confirmed. */
    private static void deleteInEditor(Browser browser, String title) {
        clickAbovePlayer(browser, browser.find("encore-tracks", "button.edit[aria-label='Edit " + title + "']"));
        inEditor(browser, "dialog[open] #title");
        SearchContext delete = inEditor(browser, "encore-confirm-delete").getShadowRoot();
        clickAbovePlayer(browser, delete.findElement(By.cssSelector("button.ask-delete")));
        WebElement confirm = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> delete.findElement(By.cssSelector("button.confirm-delete")), found -> found != null);
        clickAbovePlayer(browser, confirm);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.screen("encore-tracks")
                .findElements(By.cssSelector("button.edit[aria-label='Edit " + title + "']")).isEmpty());
    }

    private static WebElement inEditor(Browser browser, String css) {
        return await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser
                .find("encore-tracks", "encore-track-editor").getShadowRoot().findElement(By.cssSelector(css)),
                found -> found != null);
    }

    private static void clickAbovePlayer(Browser browser, WebElement element) {
        browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** My tracks' ids by title. */
    private Map<String, String> trackIds(TestAccounts.Account account) {
        JsonNode page = Api.json(api.get("/api/v1/tracks?owner=" + account.id(), account.accessToken()));
        return page.path("items").valueStream().collect(Collectors.toMap(
                track -> track.path("title").asString(), track -> track.path("id").asString()));
    }

    @ParameterizedTest
    @MethodSource("viewports")
    void buildsAndReordersAPlaylistAndSaysWhenItChangedElsewhere(Viewport viewport) throws Exception {
        TestAccounts.Account account = users.user();
        List<JsonNode> tracks = seed(account);
        try (Browser browser = open(viewport)) {
            signIn(browser, account);
            navigate(browser, viewport, "/playlists");
            browser.visible("encore-playlists", ".state h3");
            check(browser, "no playlists yet");

            browser.find("encore-playlists", "button.new").click();
            browser.type("encore-playlists", "#name", "Road Trip");
            browser.type("encore-playlists", "#description", "For the long drive north");
            browser.find("encore-playlists", "form.create button[type=submit]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().startsWith("/playlists/"));
            String playlistPath = browser.path();
            String playlistId = playlistPath.substring("/playlists/".length());
            assertThat(browser.visible("encore-playlist", "h1").getText()).isEqualTo("Road Trip");
            assertThat(browser.visible("encore-playlist", ".list.state h2").getText()).isEqualTo("This playlist is empty");
            check(browser, "new playlist, empty");

            browser.go("/library/tracks");
            SearchContext menu = (SearchContext) browser.script("return arguments[0].closest('tr')"
                    + ".querySelector('encore-track-actions').shadowRoot",
                    browser.find("encore-tracks", "button.play[aria-label='Play " + TITLES[0] + "']"));
            menu.findElement(By.cssSelector("button.trigger")).sendKeys(Keys.ARROW_DOWN);
            await().atMost(Duration.ofSeconds(5)).until(() -> "Play next".equals(browser.script(
                    "return arguments[0].activeElement?.textContent.trim()", menu)));
            menu.findElement(By.cssSelector("[role=menu] .play-next")).sendKeys(Keys.ESCAPE);
            await().atMost(Duration.ofSeconds(5)).until(() -> menu.findElements(By.cssSelector("[role=menu]")).isEmpty()
                    && "true".equals(String.valueOf(browser.script(
                            "return arguments[0].activeElement?.classList.contains('trigger')", menu))));
            addWithTheMenu(browser, TITLES[0], "Road Trip", true);
            addWithTheMenu(browser, TITLES[1], "Road Trip", false);
            if (viewport.phone()) {
                addWithTheMenu(browser, TITLES[2], "Road Trip", false);
            } else { // drag the row onto the playlist in the sidebar
                WebElement row = browser.find("encore-tracks", "tbody tr:nth-child(3)");
                WebElement target = browser.inApp("encore-sidebar-playlists").getShadowRoot()
                        .findElement(By.cssSelector("a[data-id='" + playlistId + "']"));
                dragAndDrop(browser, row, target);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> itemTitles(playlist(account, playlistId)).size() == 3);
            check(browser, "tracks added from the menu and by drag and drop");

            browser.go(playlistPath);
            browser.visible("encore-playlist", "li[data-item]");
            assertThat(shownTitles(browser)).containsExactly(TITLES[0], TITLES[1], TITLES[2]);
            browser.screenshot("playlist");
            check(browser, "playlist");

            // keyboard: alt+↑ on the last row moves it up, and says so
            WebElement last = browser.find("encore-playlist", "li[data-item]:nth-child(3)");
            last.click();
            browser.script("""
                    arguments[0].focus();
                    arguments[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true,
                        bubbles: true, composed: true }));""", last);
            await().atMost(Duration.ofSeconds(10)).until(() -> shownTitles(browser)
                    .equals(List.of(TITLES[0], TITLES[2], TITLES[1])));
            assertThat(browser.find("encore-playlist", "[role=status]").getAttribute("textContent"))
                    .isEqualTo(TITLES[2] + " moved to position 2 of 3");
            // the move buttons
            browser.find("encore-playlist", "button[aria-label='Move " + TITLES[0] + " down']").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> shownTitles(browser)
                    .equals(List.of(TITLES[2], TITLES[0], TITLES[1])));
            // drag and drop: the last row before the first
            dragAndDrop(browser, browser.find("encore-playlist", "li[data-item]:nth-child(3)"),
                    browser.find("encore-playlist", "li[data-item]:nth-child(1)"));
            await().atMost(Duration.ofSeconds(10)).until(() -> shownTitles(browser)
                    .equals(List.of(TITLES[1], TITLES[2], TITLES[0])));
            assertThat(itemTitles(playlist(account, playlistId))).containsExactly(TITLES[1], TITLES[2], TITLES[0]);
            check(browser, "reordered by keyboard, buttons and drag and drop");
            shareByLink(browser, viewport);

            // a second tab renames the playlist; the first one, still showing the old version, removes an item
            String firstTab = browser.tab();
            browser.openTab(playlistPath);
            browser.visible("encore-playlist", "button.edit-details").click();
            browser.type("encore-playlist", "#name", "Road Trip North");
            browser.find("encore-playlist", "form.edit button[type=submit]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.find("encore-playlist", "h1").getText()
                    .equals("Road Trip North"));
            check(browser, "renamed in a second tab");
            browser.switchToTab(firstTab);
            browser.find("encore-playlist", "button[aria-label='Remove " + TITLES[0] + " from the playlist']").click();
            WebElement stale = browser.visible("encore-playlist", ".stale");
            assertThat(stale.getText()).contains("Changed elsewhere");
            assertThat(itemTitles(playlist(account, playlistId))).hasSize(3);
            check(browser, "changed elsewhere", "/items/" + playlist(account, playlistId).path("items").get(2)
                    .path("id").asString() + " - Failed to load resource: the server responded with a status of 412 ()");

            browser.find("encore-playlist", ".stale button.reload").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.find("encore-playlist", "h1").getText()
                    .equals("Road Trip North"));
            assertThat(browser.screen("encore-playlist").findElements(By.cssSelector(".stale"))).isEmpty();
            browser.find("encore-playlist", "button[aria-label='Remove " + TITLES[0] + " from the playlist']").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> shownTitles(browser).size() == 2);
            check(browser, "reloaded and removed");

            browser.find("encore-playlist", "button.edit-details").click();
            browser.type("encore-playlist", "#name", "Northbound");
            browser.find("encore-playlist", "form.edit input[name=isPublic]").click();
            browser.find("encore-playlist", "form.edit button[type=submit]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.find("encore-playlist", "h1").getText()
                    .equals("Northbound"));
            JsonNode saved = playlist(account, playlistId);
            assertThat(saved.path("isPublic").asBoolean()).isTrue();
            assertThat(saved.path("description").asString()).isEqualTo("For the long drive north");

            browser.find("encore-playlist", "button.play-all").click();
            until(browser, state -> TITLES[1].equals(state.get("title")) && !(Boolean) state.get("paused"));
            check(browser, "renamed, public, playing");

            navigate(browser, viewport, "/playlists");
            assertThat(browser.visible("encore-playlists", "a.playlist-card[data-id='" + playlistId + "']").getText())
                    .contains("Northbound", "Public", "2 tracks");
            browser.screenshot("playlists");
            check(browser, "playlists with a card, playing");
            assertThat(tracks).hasSize(3);

            // the owner deletes it from its page, after a second thought; its tracks stay
            browser.go("/playlists/" + playlistId);
            browser.visible("encore-playlist", "button.edit-details").click();
            WebElement askDelete = browser.find("encore-playlist", "form.edit button.ask-delete");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", askDelete); // above the player bar
            askDelete.click();
            browser.screenshot("playlist-delete");
            check(browser, "asked to delete the playlist");
            WebElement confirmDelete = browser.find("encore-playlist", "form.edit button.confirm-delete");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", confirmDelete);
            confirmDelete.click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.script("return location.pathname")
                    .equals("/playlists"));
            assertThat(api.get("/api/v1/playlists/" + playlistId, account.accessToken()).statusCode()).isEqualTo(404);
            assertThat(Api.json(api.get("/api/v1/tracks?owner=" + account.id(), account.accessToken()))
                    .path("totalItems").asLong()).isEqualTo(3);
        }
    }

    private List<JsonNode> seed(TestAccounts.Account account) throws Exception {
        LibraryFixtures fixtures = LibraryFixtures.of(api, media, SECONDS);
        return List.of( // newest first in the list: seed in reverse
                fixtures.track(account, "title", TITLES[2], "artist", "Tidewater", "album", "Estuary", "visibility",
                        "unlisted"),
                fixtures.track(account, "title", TITLES[1], "artist", "Lumen", "album", "Daybreak", "visibility",
                        "unlisted"),
                fixtures.track(account, "title", TITLES[0], "artist", "The Night Shift", "album", "After Hours",
                        "visibility", "unlisted"));
    }

    private static SearchContext bar(Browser browser) {
        return browser.inApp("encore-player-bar").getShadowRoot();
    }

    /** The page's audio element and what the bar says plays. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Browser browser) {
        return (Map<String, Object>) browser.script("""
                const bar = document.querySelector('encore-app').shadowRoot.querySelector('encore-player-bar');
                const audio = bar.shadowRoot.querySelector('audio');
                const src = audio.currentSrc || audio.src || '';
                return { time: audio.currentTime, paused: audio.paused, src,
                    title: bar.shadowRoot.querySelector('.bar .title')?.textContent ?? null };""");
    }

    private static Map<String, Object> until(Browser browser, Predicate<Map<String, Object>> condition) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> state(browser), condition);
    }

    private static double time(Map<String, Object> state) {
        return ((Number) state.get("time")).doubleValue();
    }

    /** A key pressed on the page itself (no field focused), as the player's shortcuts hear it. */
    private static void pressOnPage(Browser browser, String key, boolean shift) {
        browser.script("document.body.dispatchEvent(new KeyboardEvent('keydown', { key: arguments[0], "
                + "shiftKey: arguments[1], bubbles: true, cancelable: true, composed: true }))", key, shift);
    }

    private static void openQueue(Browser browser, Viewport viewport) {
        if (viewport.phone()) { // the queue is among the more controls, which may be open already
            bar(browser).findElements(By.cssSelector("button.more-toggle[aria-expanded='false']")).forEach(WebElement::click);
        }
        bar(browser).findElement(By.cssSelector("button.queue-toggle")).click();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> queue(browser).findElement(By.cssSelector("section.queue")).isDisplayed());
    }

    private static SearchContext queue(Browser browser) {
        return bar(browser).findElement(By.cssSelector("encore-player-queue#queue")).getShadowRoot();
    }

    private static void addWithTheMenu(Browser browser, String title, String playlist, boolean screenshot) {
        WebElement row = browser.find("encore-tracks", "button.play[aria-label='Play " + title + "']");
        SearchContext actions = (SearchContext) browser.script(
                "return arguments[0].closest('tr').querySelector('encore-track-actions').shadowRoot", row);
        actions.findElement(By.cssSelector("button.trigger")).click();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> actions.findElement(By.cssSelector("[role=menu] .add-to-playlist")).isDisplayed());
        actions.findElement(By.cssSelector("[role=menu] .add-to-playlist")).click();
        WebElement item = await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> actions
                .findElements(By.cssSelector("[role=menu] button.playlist")).stream()
                .filter(button -> button.getText().contains(playlist)).findFirst().orElse(null), found -> found != null);
        if (screenshot) {
            browser.screenshot("track-menu");
            check(browser, "add to playlist menu");
        }
        item.click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> actions
                .findElement(By.cssSelector("[role=status]")).getText().equals("Added to " + playlist));
    }

    /** HTML drag and drop as the browser dispatches it (WebDriver cannot drive native drags). */
    private static void dragAndDrop(Browser browser, WebElement source, WebElement target) {
        browser.script("""
                const [source, target] = arguments;
                const data = new DataTransfer();
                const fire = (element, type) => element.dispatchEvent(new DragEvent(type,
                    { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
                fire(source, 'dragstart');
                fire(target, 'dragenter');
                fire(target, 'dragover');
                fire(target, 'drop');
                fire(source, 'dragend');""", source, target);
    }

    @SuppressWarnings("unchecked")
    private static List<String> shownTitles(Browser browser) {
        return (List<String>) browser.script("""
                const screen = document.querySelector('encore-app').shadowRoot.querySelector('encore-playlist');
                return [...screen.shadowRoot.querySelectorAll('li[data-item] .track strong')].map(e => e.textContent);""");
    }

    private JsonNode playlist(TestAccounts.Account account, String id) {
        HttpResponse<String> response = api.get("/api/v1/playlists/" + id, account.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    private static List<String> itemTitles(JsonNode playlist) {
        return playlist.path("items").valueStream().map(item -> item.path("track").path("title").asString()).toList();
    }

    /** The first track's play: recorded by the stream, then told by the player how much was heard. */
    private void assertPlayReported(TestAccounts.Account account) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode plays = Api.json(api.get("/api/v1/plays?size=20", account.accessToken())).path("items");
            assertThat(plays.valueStream().filter(play -> play.path("msListened").asLong() > 500
                    && play.path("msListened").asLong() < SECONDS * 1000 - 1000).count())
                    .as("plays with a reported time heard: %s", plays).isPositive();
        });
    }
}
