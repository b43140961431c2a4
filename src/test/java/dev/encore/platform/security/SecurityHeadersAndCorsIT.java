package dev.encore.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.encore.support.IntegrationTest;

class SecurityHeadersAndCorsIT extends IntegrationTest {

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (HttpResponse<String> response : new HttpResponse[] { api.get("/livez"), api.get("/nowhere"),
                api.get("/api/v1/_fixtures/client") }) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "media-src 'self' blob:", "connect-src 'self' ws: wss:",
                            "img-src 'self' data:", "frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
                    policy -> assertThat(policy).contains("camera=()"));
            assertThat(response.headers().map()).doesNotContainKeys("server", "x-powered-by");
        }
    }

    @Test
    void hstsOnlyOverHttps() {
        assertThat(api.get("/livez").headers().firstValue("Strict-Transport-Security")).isEmpty();
        HttpResponse<String> https = api.send(api.request("/livez").header("X-Forwarded-Proto", "https"));
        assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
    }

    @Test
    void allowedOriginGetsCorsHeaders() {
        HttpResponse<String> response = api.send(api.request("/livez").header("Origin", "https://app.example.org"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.org");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                exposed -> assertThat(exposed).contains("X-Request-ID", "RateLimit-Remaining"));
    }

    @Test
    void allowedOriginPreflightIsAnswered() {
        HttpResponse<String> response = api.send(api.request("/api/v1/_fixtures/echo")
                .header("Origin", "https://app.example.org").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.org");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void otherOriginGetsNoCorsHeaders() {
        HttpResponse<String> simple = api.send(api.request("/livez").header("Origin", "https://evil.example.com"));
        HttpResponse<String> preflight = api.send(api.request("/api/v1/_fixtures/echo")
                .header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        for (HttpResponse<String> response : java.util.List.of(simple, preflight)) {
            assertThat(response.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }
}
