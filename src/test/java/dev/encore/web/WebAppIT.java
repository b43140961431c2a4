package dev.encore.web;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.encore.support.IntegrationTest;

/** The web app's shell on every app route, its assets cached for a year, and the API's answers untouched. */
class WebAppIT extends IntegrationTest {

    private static final String PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aDeepLinkOpensTheShellWhichIsRevalidatedEveryTime() {
        for (String path : new String[] { "/", "/library/tracks", "/playlists/0b6d5f8e-2f4a-4c54-9d1e-1f0c1b8a9e77" }) {
            HttpResponse<String> shell = page(path);
            assertThat(shell.statusCode()).as(path).isEqualTo(200);
            assertThat(shell.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(shell.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(shell.body()).contains("<encore-app>", "<script type=\"importmap\">");
        }
        HttpResponse<String> shell = page("/library/tracks");
        String etag = shell.headers().firstValue("ETag").orElseThrow();
        assertThat(api.send(api.request("/library/tracks").header("Accept", PAGE).header("If-None-Match", etag))
                .statusCode()).isEqualTo(304);
    }

    @Test
    void theShellRunsOnlyItsImportMapInlineAndConnectsToItsOwnOrigin() throws Exception {
        HttpResponse<String> shell = page("/sign-in");
        String policy = shell.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL)
                .matcher(shell.body());
        assertThat(importMap.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));
        // hls.js plays through MediaSource (a blob: URL as the <video>'s source) and loads playlists and
        // segments with XHR from this origin; it runs without a worker, so no blob: script or worker source
        assertThat(policy).contains("default-src 'self'", "style-src 'self'", "connect-src 'self';",
                "media-src 'self' blob:;", "script-src 'self' 'sha256-" + hash + "'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "ws:", "wss:", "worker-src", "script-src 'self' blob:");
        assertThat(shell.body()).doesNotContain("style=", "<style");
        assertThat(shell.body().replace(importMap.group(0), "")).doesNotContainPattern("<script(?! type=\"module\" src=)");
    }

    @Test
    void unknownApiPathsAndRequestsForOtherThanHtmlStayNotFoundProblems() {
        assertProblem(api.send(api.request("/api/v1/no/such/route").header("Accept", PAGE)
                .header("Authorization", "Bearer " + tokens.user())), 404, "not-found");
        assertProblem(api.send(api.request("/api/v1/no/such/route").header("Accept", PAGE)), 401, "unauthenticated");
        assertProblem(api.send(api.request("/library/tracks").header("Accept", "application/json")), 404, "not-found");
        assertProblem(api.get("/library/tracks"), 404, "not-found");
        assertProblem(api.send(api.request("/favicon.ico").header("Accept", PAGE)), 404, "not-found");
        assertProblem(api.send(api.request("/dl/nothing-here").header("Accept", PAGE)), 403, "link-invalid");
        assertProblem(api.send(api.request("/app/0000/app.js").header("Accept", PAGE)), 404, "not-found");
        assertThat(api.send(api.request("/problems").header("Accept", PAGE)).body()).contains("Encore problem types");
    }

    @Test
    void assetsAndLibrariesCarryTheirVersionAndAreCachedForAYear() {
        String body = page("/").body();
        Matcher entry = Pattern.compile("src=\"(/app/[0-9a-f]{12}/)app.js\"").matcher(body);
        assertThat(entry.find()).as(body).isTrue();
        Matcher lit = Pattern.compile("\"lit\": \"(/app/lib/lit/[0-9.]+/index.js)\"").matcher(body);
        assertThat(lit.find()).as(body).isTrue();
        Matcher hls = Pattern.compile("\"hls.js\": \"(/app/lib/hls.js/1.4.12/dist/hls.mjs)\"").matcher(body);
        assertThat(hls.find()).as(body).isTrue();
        for (String asset : new String[] { entry.group(1) + "app.js", entry.group(1) + "styles/app.css", lit.group(1),
                hls.group(1) }) {
            HttpResponse<String> response = api.get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(asset)
                    .hasValue("max-age=31536000, public, immutable");
        }
        for (String module : new String[] { entry.group(1) + "app.js", hls.group(1) }) {
            assertThat(api.get(module).headers().firstValue("Content-Type")).as(module)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        }
    }

    private HttpResponse<String> page(String path) {
        return api.send(api.request(path).header("Accept", PAGE));
    }
}
