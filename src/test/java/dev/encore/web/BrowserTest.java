package dev.encore.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;
import dev.encore.web.Browser.Viewport;

/**
 * Base of the browser tests: the app on a fixed port that is its public URL (the refresh cookie is
 * bound to that origin), both viewports, and the check every step ends with. Each class gets a fresh
 * context, closed after it.
 */
@DirtiesContext // a context of its own (the public URL names its port): see IntegrationTest
abstract class BrowserTest extends IntegrationTest {

    /** The browser's origin must be Encore's public URL for the refresh cookie: a fixed port, known up front. */
    static final int PORT = freePort();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("encore.public-url", () -> "http://localhost:" + PORT);
        // every browser signs in from the same loopback address (the API tests vary X-Forwarded-For)
        registry.add("encore.ratelimit.limits.auth.capacity", () -> 100);
        registry.add("encore.ratelimit.limits.registration.capacity", () -> 100_000);
        // and share one general limit: a resumable upload alone makes dozens of API requests, the library screens many
        registry.add("encore.ratelimit.general.capacity", () -> 100_000);
        // an index of this context's own: Lucene locks its directory, and the API tests' context holds the default one
        registry.add("encore.search.index-dir", () -> dataDir().resolve("index").resolve("browser").toString());
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        assumeTrue(Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER),
                "The browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver): apt-get install chromium chromium-driver");
    }

    static Viewport[] viewports() {
        return new Viewport[] { Viewport.DESKTOP, Viewport.PHONE };
    }

    /** A fresh browser on the app at this viewport. */
    static Browser open(Viewport viewport) {
        return Browser.open("http://localhost:" + PORT, viewport);
    }

    /** Signs in through the sign-in screen and waits for the library. */
    static void signIn(Browser browser, TestAccounts.Account account) {
        browser.go("/sign-in");
        browser.type("encore-sign-in", "#identifier", account.username());
        browser.type("encore-sign-in", "#password", account.password() + Keys.ENTER);
        browser.waitForPath("/library/tracks");
    }

    /** A link of the sidebar: on phones, in the drawer its menu button opens. */
    static WebElement sidebar(Browser browser, Viewport viewport, String css) {
        if (viewport.phone()) {
            WebElement menu = browser.inApp(".topbar button.menu-button");
            if (!"true".equals(menu.getAttribute("aria-expanded"))) {
                menu.click();
            }
            // the drawer slides in: a click computed while it moves lands beside it (on the scrim, which closes it)
            WebElement drawer = browser.inApp(".sidebar");
            browser.waitFor(Duration.ofSeconds(10), () -> browser.script(
                    "return arguments[0].getBoundingClientRect().left === 0 && getComputedStyle(arguments[0]).transform === 'none'",
                    drawer));
        }
        return browser.waitFor(Duration.ofSeconds(10), () -> {
            WebElement element = browser.inApp(".sidebar " + css);
            return element.isDisplayed() ? element : null;
        });
    }

    /** Goes to a screen through the navigation, as people do (no page load). */
    static void navigate(Browser browser, Viewport viewport, String path) {
        sidebar(browser, viewport, "nav a[href='" + path + "']").click();
        browser.waitForPath(path);
    }

    static void signOut(Browser browser, Viewport viewport) {
        sidebar(browser, viewport, "button[aria-label='Sign out']").click();
        browser.waitForPath("/sign-in");
        browser.visible("encore-sign-in", "#identifier");
        check(browser, "signed out");
    }

    /** What every step ends with: a quiet console and no serious or critical axe-core violation. */
    static void check(Browser browser, String step, String... expectedFailedRequests) {
        browser.assertQuietConsole(step, expectedFailedRequests);
        browser.assertAccessible(step);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
