package dev.encore.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webjars.WebJarVersionLocator;

/**
 * Debian's headless Chromium driven through its chromedriver, at one viewport: finds elements
 * through the app's shadow roots, fails on any console error or warning, audits the page with
 * axe-core and takes screenshots for the docs.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AXE = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");

    private final ChromeDriver driver;
    private final String base;
    private final String viewport;

    private Browser(ChromeDriver driver, String base, String viewport) {
        this.driver = driver;
        this.base = base;
        this.viewport = viewport;
    }

    /** A fresh browser (no cookies) at a desktop or phone viewport. */
    static Browser open(String base, Viewport viewport) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--hide-scrollbars", "--lang=en-US", "--window-size=" + viewport.width() + "," + viewport.height());
        if (viewport.phone()) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", viewport.width(), "height", viewport.height(), "pixelRatio", 2.0, "touch", true)));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        if (!viewport.phone()) { // the window size includes no browser chrome, but be exact about the page
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width(),
                    "height", viewport.height(), "deviceScaleFactor", 1, "mobile", false));
        }
        return new Browser(driver, base, viewport.name());
    }

    void go(String path) {
        driver.get(base + path);
    }

    String path() {
        return (String) driver.executeScript("return location.pathname + location.search");
    }

    /** The shadow root of the screen now shown, once it is the one named by {@code tag}. */
    SearchContext screen(String tag) {
        return waitFor(() -> app().findElement(By.cssSelector(tag)).getShadowRoot());
    }

    /** An element of the app's own frame (sidebar, top bar, banner). */
    WebElement inApp(String css) {
        return waitFor(() -> app().findElement(By.cssSelector(css)));
    }

    /** An element of the network banner, once it shows. */
    WebElement banner(String css) {
        return waitFor(() -> app().findElement(By.cssSelector("encore-network-banner")).getShadowRoot()
                .findElement(By.cssSelector(css)));
    }

    WebElement find(String tag, String css) {
        return waitFor(() -> screen(tag).findElement(By.cssSelector(css)));
    }

    WebElement visible(String tag, String css) {
        return waitFor(() -> {
            WebElement element = screen(tag).findElement(By.cssSelector(css));
            return element.isDisplayed() ? element : null;
        });
    }

    /** Moves the mouse over an element, for what shows on hover only (a track row's play button). */
    void hover(WebElement element) {
        new Actions(driver).moveToElement(element).perform();
    }

    /** Pointer and key actions (hover at an offset, drag), for what a script cannot stand in for. */
    Actions actions() {
        return new Actions(driver);
    }

    void type(String tag, String css, String text) {
        WebElement field = find(tag, css);
        field.clear();
        field.sendKeys(text);
    }

    void waitForPath(String path) {
        waitFor(() -> path().equals(path) ? path : null);
    }

    /**
     * Fails on anything the console shows as a warning or an error since the last check, except the
     * failed requests the step provoked on purpose (Chromium logs every 4xx answer as an error),
     * given as the end of their message, e.g. {@code "/api/v1/auth/register - Failed to load resource:
     * the server responded with a status of 400 ()"}.
     */
    void assertQuietConsole(String step, String... expectedFailedRequests) {
        List<String> noise = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> Arrays.stream(expectedFailedRequests).noneMatch(message::endsWith))
                .toList();
        assertThat(noise).as("console errors and warnings (%s, %s)", step, viewport).isEmpty();
    }

    /** Runs axe-core on the page (shadow roots included) and fails on a serious or critical violation. */
    void assertAccessible(String step) {
        if (!(Boolean) driver.executeScript("return typeof window.axe === 'object'")) {
            driver.executeScript(axeSource());
        }
        String violations = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(result => done(JSON.stringify(
                    result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary).slice(0, 5) })))));
                """);
        assertThat(violations).as("axe-core serious or critical violations (%s, %s)", step, viewport)
                .isEqualTo("[]");
        // axe's own contrast check reads canvases back, and Chromium warns about that: not the app's
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> !entry.getMessage().contains("Canvas2D: Multiple readback operations"))
                .forEach(entry -> assertThat(entry.getLevel().intValue()).as("console during the audit: %s", entry)
                        .isLessThan(Level.WARNING.intValue()));
    }

    void screenshot(String name) {
        try {
            Path file = Path.of("docs", "screenshots", name + "-" + viewport + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Runs an asynchronous script: it ends by calling {@code arguments[arguments.length - 1]} with its result. */
    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Opens {@code path} in a new tab of this browser (the same cookies and storage) and switches to it. */
    String openTab(String path) {
        driver.switchTo().newWindow(WindowType.TAB);
        go(path);
        return driver.getWindowHandle();
    }

    /** The handle of the tab now driven. */
    String tab() {
        return driver.getWindowHandle();
    }

    /** Switches to another tab by its handle ({@link #tab()}, {@link #openTab(String)}). */
    void switchToTab(String handle) {
        driver.switchTo().window(handle);
    }

    /** Waits up to {@code timeout} for the app to show a path (and query) that starts with {@code prefix}. */
    void waitForPathStartingWith(String prefix, Duration timeout) {
        new WebDriverWait(driver, timeout).ignoring(RuntimeException.class)
                .until(ignored -> path().startsWith(prefix) ? prefix : null);
    }

    /** Cuts the network off (the page gets its {@code offline} event), or gives it back. */
    void offline(boolean offline) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        driver.setNetworkConditions(conditions);
    }

    /**
     * Makes the server look gone (as while it restarts): the page's requests to the API, the probes and
     * the WebSocket fail as if nothing answered; the app's own files still load. Or lifts that.
     */
    void serverGone(boolean gone) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", gone
                ? List.of(base + "/api/*", base + "/livez", base + "/readyz", "*/ws") : List.of()));
    }

    /** Slows what the page sends to {@code bytesPerSecond} (0: no limit), to catch an upload mid-way. */
    void throttleUploads(int bytesPerSecond) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", bytesPerSecond > 0 ? bytesPerSecond : -1));
    }

    /** Waits up to {@code timeout} for {@code lookup} to answer something (not null, not false). */
    <T> T waitFor(Duration timeout, java.util.function.Supplier<T> lookup) {
        return new WebDriverWait(driver, timeout).ignoring(RuntimeException.class).until(ignored -> lookup.get());
    }

    /** Emulates {@code prefers-color-scheme: dark}, or lifts the emulation. */
    void darkTheme(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    @Override
    public void close() {
        driver.quit();
    }

    private SearchContext app() {
        return driver.findElement(By.tagName("encore-app")).getShadowRoot();
    }

    private <T> T waitFor(java.util.function.Supplier<T> lookup) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(RuntimeException.class)
                .until(ignored -> lookup.get());
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core on the test classpath at " + AXE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser window size; a phone also emulates touch and a 2x screen. */
    record Viewport(String name, int width, int height, boolean phone) {
        static final Viewport DESKTOP = new Viewport("desktop", 1280, 800, false);
        static final Viewport PHONE = new Viewport("phone", 390, 844, true);
    }
}
