package dev.encore.platform.web;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.ProblemAssert;

/** The page behind every problem type URI: public, cacheable, script-free HTML. */
class ProblemPagesIT extends IntegrationTest {

    @Test
    void theTypeOfAProblemAnswerLeadsToItsPage() {
        HttpResponse<String> problem = api.get("/api/v1/tracks");
        String type = assertProblem(problem, 401, "unauthenticated").path("type").asString();
        assertThat(type).isEqualTo(ProblemAssert.TYPES + "unauthenticated");

        HttpResponse<String> page = api.get(URI.create(type).getPath());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.body()).contains("<h1>Unauthenticated</h1>", "What it means", "What to do",
                "POST /api/v1/auth/login", "Bearer &lt;token&gt;", ProblemAssert.TYPES + "unauthenticated");
    }

    @Test
    void pagesArePublicCacheableAndCarryNoScriptOrInlineStyle() {
        HttpResponse<String> page = api.send(api.rawRequest("/problems/rate-limited").GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("max-age=86400, public");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "style-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContain("<script", "style=", "<style").contains("href=\"problems.css\"");

        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(api.send(api.rawRequest("/problems/rate-limited").header("If-None-Match", etag)).statusCode())
                .isEqualTo(304);

        HttpResponse<String> css = api.send(api.rawRequest("/problems/problems.css").GET());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).contains("prefers-color-scheme");
    }

    @Test
    void theIndexListsEveryTypeAndAnUnknownNameIsNotFound() {
        HttpResponse<String> index = api.get("/problems");
        assertThat(index.statusCode()).isEqualTo(200);
        ProblemCatalogue.TYPES.forEach(type -> assertThat(index.body())
                .contains("<a href=\"problems/" + type.name() + "\">"));
        assertThat(index.body()).contains("href=\"problems/problems.css\"");

        HttpResponse<String> unknown = api.get("/problems/no-such-problem");
        assertThat(Api.json(assertProblem(unknown, 404, "not-found").toString()).path("detail").asString())
                .contains("no problem type");
        assertThat(api.get("/problems/%3Cscript%3E").body()).doesNotContain("<script>");
    }
}
