package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import dev.encore.support.Api;
import dev.encore.support.MediaServer;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.TestAccounts;
import dev.encore.web.Browser.Viewport;

/**
 * Get music in a real browser, at desktop and phone width: import a link from a loopback origin
 * (a field error first), watch its progress bar to done, download it through its signed link and
 * save it to the library; upload a file resumably with a pause, a resume and a reload in between,
 * then save it with its probed details and find it in Tracks.
 */
class ImportUploadBrowserIT extends BrowserTest {

    private static final String INVALID_IMPORT = "/api/v1/imports - Failed to load resource: the server responded "
            + "with a status of 400 ()";

    @TempDir
    static Path media;

    private static MediaServer origin;
    private static Path upload;
    private static Path notes;

    @BeforeAll
    static void media() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg", "ffprobe");
        origin = new MediaServer();
        // slow enough that the bar is seen fetching
        origin.file("/night-drive.mp3", MediaTools.tone(media.resolve("night-drive.mp3"), "Night Drive", 440, 3),
                "audio/mpeg", 12_000);
        origin.file("/intro.mp3", MediaTools.tone(media.resolve("intro.mp3"), "Intro", 330, 2), "audio/mpeg", 0);
        origin.file("/outro.mp3", MediaTools.tone(media.resolve("outro.mp3"), "Outro", 660, 2), "audio/mpeg", 0);
        origin.text("/feed.xml", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Loopback Sessions</title><link>%s</link>
                <item><title>Harbour Intro</title><guid>intro</guid><enclosure url="%s" type="audio/mpeg" length="1"/></item>
                <item><title>Harbour Outro</title><guid>outro</guid><enclosure url="%s" type="audio/mpeg" length="1"/></item>
                </channel></rss>
                """.formatted(origin.url("/"), origin.url("/intro.mp3"), origin.url("/outro.mp3")));
        // about 900 KB with a cover: long enough at a throttled upload to pause it half-way
        notes = Files.writeString(media.resolve("notes.txt"), "Not music, just notes.\n".repeat(40));
        upload = MediaTools.tone(media.resolve("Harbour Lights.mp3"), "Harbour Lights", 520, 75, true);
    }

    @AfterAll
    static void stopOrigin() {
        if (origin != null) {
            origin.close();
        }
    }

    @ParameterizedTest
    @MethodSource("viewports")
    void importALinkWatchItFinishDownloadItAndSaveItToTheLibrary(Viewport viewport) throws Exception {
        TestAccounts.Account account = users.user();
        try (Browser browser = open(viewport)) {
            signIn(browser, account);
            browser.go("/import");
            assertThat(browser.visible("encore-import", ".state.empty h3").getText()).isEqualTo("No imports yet");
            browser.visible("encore-import", "encore-quota-meter");
            check(browser, "import, nothing yet");

            browser.type("encore-import", "#links", "not a link");
            browser.find("encore-import", "button[type=submit]").click();
            assertThat(browser.visible("encore-import", "#links-error").getText()).isNotBlank();
            assertThat(browser.find("encore-import", "#links").getAttribute("aria-invalid")).isEqualTo("true");
            check(browser, "import, a field error", INVALID_IMPORT);

            // a link of its own: the same link again would be served from the import cache at once
            browser.type("encore-import", "#links", origin.url("/night-drive.mp3?for=" + viewport.name()));
            new Select(browser.find("encore-import", "#format")).selectByValue("m4a");
            browser.type("encore-import", "#customName", "Night Drive");
            browser.find("encore-import", "button[type=submit]").click();
            WebElement bar = browser.visible("encore-import", ".import [role=progressbar]");
            assertThat(Integer.parseInt(bar.getAttribute("aria-valuenow"))).isBetween(0, 100);
            assertThat(browser.find("encore-import", "[role=status][aria-live=polite]").getText()).contains("Night Drive");
            check(browser, "import running");

            browser.waitFor(Duration.ofSeconds(90), () -> browser.screen("encore-import")
                    .findElements(By.cssSelector(".import .status.succeeded")).isEmpty() ? null : true);
            assertThat(browser.find("encore-import", ".import h3").getText()).isEqualTo("Night Drive");
            assertThat(browser.find("encore-import", ".import .sub").getText()).contains("M4A");
            check(browser, "import done");

            browser.find("encore-import", ".import button[aria-label='Download Night Drive']").click();
            String link = browser.visible("encore-import", ".download-link").getAttribute("href");
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("audio/"));
            assertThat(download.body().length).isGreaterThan(1_000);
            check(browser, "downloaded");

            browser.find("encore-import", ".import button[aria-label='Save Night Drive to library']").click();
            browser.type("encore-import", ".save input[name=artist]", "The Loopbacks");
            browser.screenshot("import");
            browser.find("encore-import", ".save button[type=submit]").click();
            browser.visible("encore-import", ".import a.saved");
            check(browser, "saved");
            if (!viewport.phone()) {
                importAPlaylistAndDownloadItsZip(browser);
                browser.darkTheme(true);
                browser.screenshot("import-dark");
                check(browser, "import, dark theme");
                browser.darkTheme(false);
            }

            browser.find("encore-import", ".import a.saved").sendKeys(Keys.ENTER); // by keyboard
            browser.waitForPath("/library/tracks");
            browser.visible("encore-tracks", "tbody tr td.duration");
            assertThat(browser.find("encore-tracks", "tbody").getText()).contains("Night Drive", "The Loopbacks");
            check(browser, "saved to the library");

            browser.go("/import?status=SUCCEEDED"); // the history, filtered (a deep link)
            browser.visible("encore-import", ".import h3");
            assertThat(browser.screen("encore-import").findElements(By.cssSelector(".imports > .import")))
                    .hasSize(viewport.phone() ? 1 : 2);
            new Select(browser.find("encore-import", "#status")).selectByValue("FAILED");
            browser.waitForPath("/import?status=FAILED");
            assertThat(browser.visible("encore-import", ".state.empty h3").getText())
                    .isEqualTo("No imports with this status");
            check(browser, "history, filtered");
        }
    }

    /** A feed of two entries: each shows up as an item, and the zip of both downloads. */
    private static void importAPlaylistAndDownloadItsZip(Browser browser) throws Exception {
        browser.find("encore-import", "input[name=mode][value=playlist]").click();
        browser.type("encore-import", "#playlist", origin.url("/feed.xml"));
        browser.find("encore-import", "button[type=submit]").click();
        browser.waitFor(Duration.ofSeconds(90), () -> browser.screen("encore-import")
                .findElements(By.cssSelector(".import:first-child .status.succeeded")).isEmpty() ? null : true);
        browser.waitFor(Duration.ofSeconds(10), () -> browser.find("encore-import", ".import:first-child h3").getText()
                .equals("Loopback Sessions") ? true : null); // the playlist's own title, once read
        assertThat(browser.find("encore-import", ".import:first-child .items").getText())
                .contains("Harbour Intro", "Harbour Outro");
        check(browser, "playlist imported");
        browser.find("encore-import", ".import:first-child button.zip").click();
        String zip = browser.visible("encore-import", ".import:first-child > .download-note .download-link")
                .getAttribute("href");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(zip)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(download.body()).startsWith((byte) 'P', (byte) 'K');
        browser.screenshot("import-playlist");
        check(browser, "playlist downloaded");
    }

    @ParameterizedTest
    @MethodSource("viewports")
    void uploadWithAPauseAResumeAndAReloadThenSaveToTheLibrary(Viewport viewport) throws Exception {
        TestAccounts.Account account = users.user();
        try (Browser browser = open(viewport)) {
            signIn(browser, account);
            browser.go("/upload");
            browser.visible("encore-upload", ".drop");
            check(browser, "upload, nothing yet");

            browser.find("encore-upload", "#files").sendKeys(notes.toString());
            assertThat(browser.visible("encore-upload", ".file .alert").getText()).contains("Unsupported file type");
            assertThat(browser.find("encore-upload", ".file .status").getText()).as("the server's verdict, not a pause")
                    .isEqualTo("Refused");
            check(browser, "a refused type", "the server responded with a status of 415 ()");
            browser.find("encore-upload", "button[aria-label='Remove notes.txt']").click();

            browser.throttleUploads(120_000);
            browser.find("encore-upload", "#files").sendKeys(upload.toString());
            browser.waitFor(Duration.ofSeconds(20), () -> progress(browser) >= 20 ? true : null);
            browser.find("encore-upload", "button[aria-label='Pause Harbour Lights.mp3']").click();
            assertThat(browser.visible("encore-upload", ".file .status").getText()).isEqualTo("Paused");
            browser.visible("encore-upload", "button[aria-label='Resume Harbour Lights.mp3']");
            int paused = progress(browser);
            sleep(800);
            assertThat(progress(browser)).as("nothing is sent while paused").isEqualTo(paused);
            check(browser, "upload paused");

            browser.find("encore-upload", "button[aria-label='Resume Harbour Lights.mp3']").click();
            browser.waitFor(Duration.ofSeconds(20), () -> progress(browser) > paused + 5 ? true : null);
            browser.find("encore-upload", "button[aria-label='Pause Harbour Lights.mp3']").click();
            browser.visible("encore-upload", "button[aria-label='Resume Harbour Lights.mp3']");
            int before = progress(browser);

            browser.go("/upload"); // a reload: the unfinished upload is remembered, the file is picked again
            assertThat(browser.visible("encore-upload", ".unfinished li").getText()).contains("Harbour Lights.mp3");
            check(browser, "unfinished after a reload");
            browser.find("encore-upload", "#files").sendKeys(upload.toString());
            browser.waitFor(Duration.ofSeconds(10), () -> browser.find("encore-upload", ".file .status").getText()
                    .equals("Uploading") ? true : null);
            assertThat(progress(browser)).as("it goes on from where it stopped").isGreaterThanOrEqualTo(before - 1);
            browser.throttleUploads(0);

            assertThat(browser.waitFor(Duration.ofSeconds(30), () -> browser.find("encore-upload",
                    ".details input[name=title]")).getDomProperty("value")).isEqualTo("Harbour Lights");
            assertThat(browser.find("encore-upload", ".details input[name=artist]").getDomProperty("value"))
                    .isEqualTo("Encore Test");
            assertThat(browser.visible("encore-upload", ".details img.cover").getAttribute("src")).startsWith("data:image/");
            assertThat(browser.script("return Object.keys(localStorage).filter(k => k.startsWith('encore.uploads.'))"))
                    .as("nothing unfinished is remembered").asList().isEmpty();
            if (viewport.phone()) { // the file's card, rather than the drop zone
                browser.script("arguments[0].scrollIntoView()", browser.find("encore-upload", ".file"));
            }
            browser.screenshot("upload");
            check(browser, "uploaded, details");

            // in, not saved: a reload (or another browser) lists it again, with one sent elsewhere, to save or discard
            Api client = new Api(port);
            var spare = client.send(Multipart.upload(client, "/api/v1/uploads", account.accessToken(), "Spare Take.mp3",
                    "audio/mpeg", Files.readAllBytes(upload)));
            assertThat(spare.statusCode()).as(spare.body()).isEqualTo(201);
            browser.go("/upload");
            assertThat(browser.waitFor(Duration.ofSeconds(10), () -> browser.find("encore-upload",
                    ".details input[name=title]")).getDomProperty("value")).isIn("Harbour Lights", "Spare Take");
            browser.waitFor(Duration.ofSeconds(10), () -> browser.screen("encore-upload")
                    .findElements(By.cssSelector(".file .details")).size() == 2 ? true : null);
            assertThat(browser.find("encore-upload", ".files").getText()).contains("Harbour Lights.mp3", "Spare Take.mp3",
                    "Not saved yet");
            check(browser, "unsaved uploads after a reload");
            long used = Api.json(api.get("/api/v1/me/quota", account.accessToken())).path("storageUsedBytes").asLong();
            browser.find("encore-upload", "button[aria-label='Discard Spare Take.mp3']").click();
            browser.waitFor(Duration.ofSeconds(10), () -> browser.screen("encore-upload")
                    .findElements(By.cssSelector(".file .details")).size() == 1 ? true : null);
            assertThat(Api.json(api.get("/api/v1/me/quota", account.accessToken())).path("storageUsedBytes").asLong())
                    .as("the discarded upload's bytes are free at once").isEqualTo(used - Files.size(upload));
            check(browser, "an unsaved upload discarded");

            browser.type("encore-upload", ".details input[name=album]", "Tidal Songs");
            browser.find("encore-upload", ".details button[type=submit]").click();
            browser.visible("encore-upload", ".saved a").click();
            browser.waitForPath("/library/tracks");
            browser.visible("encore-tracks", "tbody tr td.duration");
            assertThat(browser.find("encore-tracks", "tbody").getText()).contains("Harbour Lights", "Tidal Songs");
            check(browser, "upload saved to the library");
        }
    }

    /**
     * Cancel while a PATCH is on its way: the server is still ending that request when the DELETE
     * arrives (409 upload-busy), and the page asks again until the upload and its reserved bytes are gone.
     */
    @Test
    void aCancelledUploadGivesItsReservedBytesBack() {
        TestAccounts.Account account = users.user();
        long before = Api.json(api.get("/api/v1/me/quota", account.accessToken())).path("storageUsedBytes").asLong();
        try (Browser browser = open(Viewport.DESKTOP)) {
            signIn(browser, account);
            browser.go("/upload");
            browser.throttleUploads(120_000);
            browser.find("encore-upload", "#files").sendKeys(upload.toString());
            browser.waitFor(Duration.ofSeconds(20), () -> progress(browser) >= 20 ? true : null);
            assertThat(Api.json(api.get("/api/v1/me/quota", account.accessToken())).path("storageUsedBytes").asLong())
                    .as("the upload's length is reserved").isGreaterThan(before);
            browser.find("encore-upload", "button[aria-label='Cancel Harbour Lights.mp3']").click();
            browser.throttleUploads(0);
            await().atMost(Duration.ofSeconds(20)).until(() -> Api.json(api.get("/api/v1/me/quota",
                    account.accessToken())).path("storageUsedBytes").asLong() == before);
            assertThat(browser.script("return Object.keys(localStorage).filter(k => k.startsWith('encore.uploads.'))"))
                    .as("nothing unfinished is remembered").asList().isEmpty();
        }
    }

    private static int progress(Browser browser) {
        return Integer.parseInt(browser.find("encore-upload", ".file [role=progressbar]").getAttribute("aria-valuenow"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
