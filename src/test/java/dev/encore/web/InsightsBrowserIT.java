package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.TestAccounts.Account;
import dev.encore.web.Browser.Viewport;

/** You → Insights: the empty state, then my totals, plays per day and most played track, and a period change. */
class InsightsBrowserIT extends BrowserTest {

    @TempDir
    static Path media;

    @ParameterizedTest
    @MethodSource("viewports")
    void myInsightsShowWhatIPlayed(Viewport viewport) throws Exception {
        Account account = users.user();
        try (Browser browser = open(viewport)) {
            signIn(browser, account);
            navigate(browser, viewport, "/insights");
            assertThat(browser.visible("encore-insights", ".state h2").getText()).isEqualTo("Nothing counted yet");
            check(browser, "insights, nothing counted");

            String track = LibraryFixtures.of(new Api(PORT), media).track(account)
                    .path("id").asString();
            Api client = new Api(PORT);
            assertThat(client.sendBytes(client.request("/api/v1/tracks/" + track + "/stream")
                    .header("Authorization", "Bearer " + account.accessToken()).GET()).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> Api.json(new Api(PORT).get("/api/v1/insights/me",
                    account.accessToken())).path("totals").path("plays").asLong() == 1);

            new Select(browser.find("encore-insights", "#range")).selectByValue("7");
            browser.waitForPath("/insights?days=7");
            assertThat(browser.visible("encore-insights", "[data-figure='plays'] .figure").getText()).isEqualTo("1");
            assertThat(browser.find("encore-insights", "ol.top").getText()).contains("1 play").doesNotContain("1 plays");
            assertThat(browser.screen("encore-insights").findElements(By.cssSelector(".chart span"))).hasSize(7);
            check(browser, "insights with a play");
            browser.screenshot("insights");
        }
    }
}
