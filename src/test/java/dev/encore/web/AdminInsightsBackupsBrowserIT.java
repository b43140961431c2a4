package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.TestAccounts.Account;
import dev.encore.web.Browser.Viewport;

/**
 * Admin → Insights and Admin → Backups at desktop and phone width: a member has neither in the
 * navigation and gets "page not found" for both; an admin finds a member's play counted in the
 * server's totals and top tracks (paging on with "Show more" until it shows: other tests' plays share
 * the database), makes a backup that the list then shows and the API lists, and downloads it (the
 * saved Blob is the zip); on PostgreSQL (the API's 409 {@code backups-external}, stubbed in the page)
 * the backups screen explains instead of listing. Every step leaves the console quiet and passes axe-core.
 */
class AdminInsightsBackupsBrowserIT extends BrowserTest {

    @TempDir
    static Path media;

    @ParameterizedTest
    @MethodSource("viewports")
    void membersHaveNeitherScreen(Viewport viewport) {
        Account member = users.user();
        try (Browser browser = open(viewport)) {
            signIn(browser, member);
            browser.visible("encore-tracks", "h1");
            assertThat(browser.script("return document.querySelector('encore-app').shadowRoot.querySelectorAll("
                    + "'a[href=\"/admin/insights\"], a[href=\"/admin/backups\"]').length")).as("no admin entries")
                    .isEqualTo(0L);
            for (String path : List.of("/admin/insights", "/admin/backups")) {
                browser.go(path);
                browser.visible("encore-not-found", "h1");
                check(browser, "a member on " + path);
            }
        }
        assertThat(api.get("/api/v1/admin/backups", member.accessToken()).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/insights/overview", member.accessToken()).statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("viewports")
    void anAdminSeesAPlayCountedThenBacksUpAndDownloads(Viewport viewport) throws Exception {
        Account admin = users.admin();
        Account member = users.user();
        String track = LibraryFixtures.of(new Api(PORT), media).track(member, "title", "Server Insight " + viewport.name())
                .path("id").asString();
        Api client = new Api(PORT);
        assertThat(client.sendBytes(client.request("/api/v1/tracks/" + track + "/stream")
                .header("Authorization", "Bearer " + member.accessToken()).GET()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.json(new Api(PORT).get(
                "/api/v1/insights/overview/items?kind=track&size=100", admin.accessToken())).path("items").valueStream()
                .anyMatch(item -> item.path("id").asString().equals(track)));

        try (Browser browser = open(viewport)) {
            signIn(browser, admin);
            navigate(browser, viewport, "/admin/insights");
            new Select(browser.find("encore-admin-insights", "#range")).selectByValue("7");
            browser.waitForPath("/admin/insights?days=7");
            assertThat(Long.parseLong(browser.visible("encore-admin-insights", "[data-figure='plays'] .figure").getText()
                    .replaceAll("\\D", ""))).isPositive();
            assertThat(Long.parseLong(browser.find("encore-admin-insights", "[data-figure='activeUsers'] .figure").getText()
                    .replaceAll("\\D", ""))).isPositive();
            assertThat(browser.screen("encore-admin-insights").findElements(By.cssSelector(".chart span"))).hasSize(7);
            new Select(browser.find("encore-admin-insights", "#kind")).selectByValue("track");
            browser.waitForPath("/admin/insights?days=7&kind=track");
            String mine = "ol.top li[data-id='" + track + "']";
            browser.waitFor(Duration.ofSeconds(60), () -> {
                if (!browser.screen("encore-admin-insights").findElements(By.cssSelector(mine)).isEmpty()) {
                    return true;
                }
                // a shadow root takes CSS selectors only (an XPath there is an invalid locator)
                List<WebElement> more = browser.screen("encore-admin-insights").findElements(By.cssSelector("button"));
                more.stream().filter(button -> "Show more".equals(button.getText().strip())).filter(WebElement::isEnabled)
                        .findFirst().ifPresent(WebElement::click);
                return null;
            });
            assertThat(browser.find("encore-admin-insights", mine).getText())
                    .contains("Server Insight " + viewport.name(), "1 play").doesNotContain("1 plays");
            browser.screen("encore-admin-insights").findElements(By.cssSelector("ol.top li"))
                    .forEach(item -> assertThat(item.getAttribute("data-kind")).isEqualTo("track"));
            check(browser, "server insights with a play");
            browser.screenshot("admin-insights");

            // the server report: what the page saves is the CSV the API made (the fetch carries the bearer token)
            keepSavedFiles(browser);
            WebElement csv = browser.find("encore-admin-insights", "button[aria-label='CSV report']");
            browser.script("arguments[0].scrollIntoView({ block: 'center' })", csv); // not under the phone's top bar
            csv.click();
            assertThat(browser.waitFor(Duration.ofSeconds(30), () -> browser.script(
                    "return window.savedFiles.length ? window.savedFiles[0].type : null;"))).asString().startsWith("text/csv");
            check(browser, "the server report saved");

            navigate(browser, viewport, "/admin/backups");
            browser.visible("encore-admin-backups", ".note h2");
            WebElement backUp = browser.find("encore-admin-backups", ".head button.primary");
            assertThat(backUp.getText()).isEqualTo("Back up now");
            backUp.click();
            String message = browser.waitFor(Duration.ofSeconds(60), () -> {
                String text = browser.find("encore-admin-backups", ".message").getText();
                return text.startsWith("Backed up: ") ? text : null;
            });
            String name = message.substring("Backed up: ".length(), message.indexOf(" ("));
            JsonNode listed = Api.json(api.get("/api/v1/admin/backups", admin.accessToken())).path("items").valueStream()
                    .filter(backup -> backup.path("name").asString().equals(name)).findFirst().orElseThrow();
            WebElement row = browser.find("encore-admin-backups", "li.backup[data-backup='" + name + "']");
            assertThat(row.findElement(By.cssSelector("time")).getAttribute("datetime"))
                    .isEqualTo(listed.path("createdAt").asString());
            assertThat(row.getText()).containsPattern("\\d+(\\.\\d)? (B|KB|MB|GB)");
            check(browser, "a backup made");
            browser.screenshot("admin-backups");

            // what the page saves: the Blob made into a link (the fetch carries the bearer token)
            keepSavedFiles(browser);
            row.findElement(By.cssSelector("button[aria-label='Download " + name + "']")).click();
            browser.waitFor(Duration.ofSeconds(30), () -> browser.find("encore-admin-backups", ".message").getText()
                    .startsWith("Downloaded " + name) ? true : null);
            assertThat(browser.asyncScript("const done = arguments[arguments.length - 1]; const file = window.savedFiles[0];"
                    + "file.slice(0, 2).text().then((start) => done(start + ' ' + file.size));"))
                    .isEqualTo("PK " + listed.path("bytes").asLong());
            check(browser, "a backup downloaded");

            // on PostgreSQL the API answers 409 backups-external: the screen explains it instead of a list
            browser.script("const real = window.fetch; window.fetch = (url, init) => String(url).startsWith("
                    + "'/api/v1/admin/backups') ? Promise.resolve(new Response(JSON.stringify({ status: 409, type: "
                    + "'https://encore.dev/problems/backups-external', title: 'Backups are made outside Encore', detail: "
                    + "'This server keeps its data in PostgreSQL, which Encore does not back up itself.' }), { status: 409, "
                    + "headers: { 'Content-Type': 'application/problem+json' } })) : real(url, init);");
            navigate(browser, viewport, "/admin/status");
            navigate(browser, viewport, "/admin/backups");
            assertThat(browser.visible("encore-admin-backups", "[data-state='external'] h2").getText())
                    .isEqualTo("Backups are made outside Encore");
            assertThat(browser.find("encore-admin-backups", "[data-state='external']").getText()).contains("pg_dump");
            assertThat(browser.screen("encore-admin-backups").findElements(By.cssSelector(".head button, li.backup, .note")))
                    .as("nothing to back up or download here").isEmpty();
            check(browser, "backups made outside Encore");
            browser.screenshot("admin-backups-external");
        }
    }

    /** Keeps every Blob the page makes a link of (a file it saves) in {@code window.savedFiles}, newest last. */
    private static void keepSavedFiles(Browser browser) {
        browser.script("window.savedFiles = []; const make = URL.createObjectURL.bind(URL);"
                + "URL.createObjectURL = (blob) => { window.savedFiles.push(blob); return make(blob); };");
    }
}
