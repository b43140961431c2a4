package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import dev.encore.account.mfa.TotpCodes;
import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.TestAccounts;
import dev.encore.web.Browser.Viewport;

/**
 * The web app in a real browser, at desktop and phone width: register (with a field error first),
 * see Tracks, reload a deep link, sign out, sign in, and the page-not-found screen. Every step
 * leaves the console quiet and passes axe-core; the screenshots go to docs/screenshots/.
 */
class WebAppBrowserIT extends BrowserTest {

    @TempDir
    static Path media;

    @ParameterizedTest
    @MethodSource("viewports")
    void registerSeeTracksReloadSignOutAndSignIn(Viewport viewport) throws Exception {
        String username = TestAccounts.uniqueName();
        try (Browser browser = open(viewport)) {
            browser.go("/");
            browser.waitForPath("/sign-in");
            browser.visible("encore-sign-in", "#identifier");
            assertFirstLoadIsLight(browser);
            browser.screenshot("signin");
            check(browser, "sign-in");

            browser.find("encore-sign-in", "a[href='/register']").click();
            browser.waitForPath("/register");
            register(browser, username, "short");
            assertThat(browser.visible("encore-register", "#password-error").getText()).isNotBlank();
            assertThat(browser.find("encore-register", "#password").getAttribute("aria-invalid")).isEqualTo("true");
            browser.screenshot("register");
            check(browser, "register with field errors",
                    "/api/v1/auth/register - Failed to load resource: the server responded with a status of 400 ()");

            register(browser, username, TestAccounts.PASSWORD);
            browser.waitForPath("/library/tracks");
            browser.visible("encore-tracks", ".state h2");
            check(browser, "tracks, empty");

            seedTracks(username);
            browser.go("/library/tracks"); // a reload of the deep link: the shell, then a silent refresh
            assertThat(browser.visible("encore-tracks", "tbody tr td.duration").getText()).isEqualTo("0:02");
            assertThat(browser.find("encore-tracks", "tbody").getText()).contains("Midnight Drive", "Neon Coast");
            browser.screenshot("tracks");
            check(browser, "tracks");
            browser.darkTheme(true);
            browser.screenshot("tracks-dark");
            check(browser, "tracks, dark theme");
            browser.darkTheme(false);

            browser.offline(true);
            assertThat(browser.banner(".banner.lost").getText()).contains("You are offline");
            browser.screenshot("offline");
            browser.offline(false);
            assertThat(browser.banner(".banner.back").getText()).contains("Back online");
            check(browser, "offline and back");

            // the server restarts: the next request finds it gone, and the app notices by itself when it is back
            browser.script("""
                    window.asked = [];
                    const fetched = window.fetch;
                    window.fetch = (...request) => { window.asked.push(String(request[0])); return fetched(...request); };""");
            browser.serverGone(true);
            navigate(browser, viewport, "/library/albums");
            assertThat(browser.banner(".banner.lost").getText()).contains("cannot be reached");
            browser.serverGone(false);
            assertThat(browser.waitFor(Duration.ofSeconds(12), () -> browser.banner(".banner.back")).getText())
                    .as("with no click, no reload").contains("Back online");
            assertThat(browser.script("return window.asked")).as("the app asked by itself (not the session's 30-s check)")
                    .asList().contains("/livez");
            check(browser, "server gone and back", "net::ERR_BLOCKED_BY_CLIENT");

            signOut(browser, viewport);
            browser.go("/library/tracks");
            browser.waitForPath("/sign-in?next=%2Flibrary%2Ftracks");

            browser.type("encore-sign-in", "#identifier", username);
            browser.type("encore-sign-in", "#password", TestAccounts.PASSWORD + Keys.ENTER);
            browser.waitForPath("/library/tracks");
            browser.visible("encore-tracks", "tbody tr td.duration");
            check(browser, "signed in again");

            browser.go("/no/such/screen");
            assertThat(browser.visible("encore-not-found", "h1").getText()).isEqualTo("Page not found");
            check(browser, "not found");
            signOut(browser, viewport);
        }
    }

    @ParameterizedTest
    @MethodSource("viewports")
    void signInAsksForTheSecondFactorAndTakesARecoveryCodeInstead(Viewport viewport) {
        TestAccounts.Account account = users.user();
        String secret = Api.json(api.postJson("/api/v1/me/mfa/totp",
                "{\"password\":\"" + account.password() + "\"}", account.accessToken()))
                .path("secret").asString();
        HttpResponse<String> confirmed = api.postJson("/api/v1/me/mfa/totp/confirm",
                "{\"code\":\"" + TotpCodes.now(secret, 0) + "\"}", account.accessToken());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        String recoveryCode = Api.json(confirmed).path("recoveryCodes").get(0).asString();
        String mfaRequired = "/api/v1/auth/login?cookie=true - Failed to load resource: the server responded with a "
                + "status of 401 ()";
        try (Browser browser = open(viewport)) {
            browser.go("/sign-in");
            browser.type("encore-sign-in", "#identifier", account.email());
            browser.type("encore-sign-in", "#password", account.password() + Keys.ENTER);
            assertThat(browser.visible("encore-sign-in", "label[for=code]").getText())
                    .isEqualTo("Authentication code");
            browser.screenshot("signin-code");
            check(browser, "second factor", mfaRequired);

            browser.type("encore-sign-in", "#code", TotpCodes.now(secret, 1) + Keys.ENTER);
            browser.waitForPath("/library/tracks");
            browser.visible("encore-tracks", ".state h2");
            check(browser, "signed in with a code");
            signOut(browser, viewport);

            browser.type("encore-sign-in", "#identifier", account.username());
            browser.type("encore-sign-in", "#password", account.password() + Keys.ENTER);
            browser.find("encore-sign-in", ".link-button").click();
            assertThat(browser.visible("encore-sign-in", "label[for=code]").getText()).isEqualTo("Recovery code");
            browser.type("encore-sign-in", "#code", recoveryCode + Keys.ENTER);
            browser.waitForPath("/library/tracks");
            check(browser, "signed in with a recovery code", mfaRequired);
        }
    }

    /**
     * People reach a server at a LAN address, another host name, or with the default public URL left
     * unchanged: the session survives a reload (the refresh cookie's Origin is the page's own) and
     * music plays (the signed stream link is loaded from the page's own origin, as the CSP wants).
     */
    @Test
    void worksAtAnAddressThatIsNotThePublicUrl() throws Exception {
        TestAccounts.Account account = users.user();
        LibraryFixtures.of(api, media).track(account, "title", "Harbour Lights", "artist", "Tidewater");
        String elsewhere = "http://127.0.0.1:" + PORT; // encore.public-url is http://localhost:<port>
        try (Browser browser = Browser.open(elsewhere, Viewport.DESKTOP)) {
            signIn(browser, account);
            browser.go("/library/tracks"); // a reload: the session comes back from the cookie
            WebElement play = browser.find("encore-tracks", "button.play[aria-label='Play Harbour Lights']");
            assertThat(browser.path()).isEqualTo("/library/tracks");
            browser.hover((WebElement) browser.script("return arguments[0].closest('tr')", play));
            play.click();
            String src = browser.waitFor(Duration.ofSeconds(15), () -> (String) browser.script("""
                    const audio = document.querySelector('encore-app').shadowRoot.querySelector('encore-player-bar')
                        .shadowRoot.querySelector('audio');
                    return audio.currentTime > 0.3 && !audio.paused ? audio.currentSrc : null"""));
            assertThat(src).startsWith(elsewhere + "/stream/tracks/");
            check(browser, "at another address than the public URL");
        }
    }

    private static void register(Browser browser, String username, String password) {
        browser.type("encore-register", "#username", username);
        browser.type("encore-register", "#email", username + "@example.org");
        browser.type("encore-register", "#displayName", "Alex Rivera");
        browser.type("encore-register", "#password", password);
        browser.find("encore-register", "button[type=submit]").click();
    }

    /** The budget: the first load of / (shell, code, libraries, styles) transfers at most 250 KB. */
    private static void assertFirstLoadIsLight(Browser browser) {
        long bytes = ((Number) browser.script("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                    .reduce((sum, entry) => sum + entry.transferSize, 0)""")).longValue();
        System.out.printf("First load of / (signed out, sign-in screen): %,d bytes transferred%n", bytes);
        assertThat(bytes).as("bytes transferred by the first load").isPositive().isLessThanOrEqualTo(250 * 1024);
    }

    private void seedTracks(String username) throws Exception {
        TestAccounts.Account account = users.signIn(new TestAccounts.Account(null, username, null,
                TestAccounts.PASSWORD, null, null, null));
        LibraryFixtures fixtures = LibraryFixtures.of(api, media);
        fixtures.track(account, "title", "Midnight Drive", "artist", "The Night Shift", "album", "After Hours");
        fixtures.track(account, "title", "Neon Coast", "artist", "Lumen", "album", "Tidal");
        fixtures.track(account, "title", "Paper Planes", "artist", "Harbour Lights");
    }
}
