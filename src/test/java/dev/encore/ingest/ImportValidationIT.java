package dev.encore.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts.Account;

/**
 * Every request rule and source-safety rule of imports, each tried with bad input: a 400 naming
 * the field, and nothing stored.
 */
class ImportValidationIT extends IntegrationTest {

    /** A link that passes every check (a trusted loopback literal; nothing is listening). */
    private static final String VALID = "http://127.0.0.1:9/a.mp3";

    private Account user;

    @BeforeEach
    void signIn() {
        user = users.user();
    }

    static Stream<Arguments> badUrls() {
        return Stream.of(
                Arguments.of(null, "must not be empty"),
                Arguments.of("", "must not be empty"),
                Arguments.of("ftp://www.youtube.com/watch?v=x", "must use http or https"),
                Arguments.of("file:///etc/passwd", "must use http or https"),
                Arguments.of("javascript:alert(1)", "must use http or https"),
                Arguments.of("https://user:pass@www.youtube.com/watch?v=x", "must not contain credentials"),
                Arguments.of("https://evil.example.org/watch?v=x", "host is not on the allowed list"),
                Arguments.of("https://www.youtube.com.evil.org/watch", "host is not on the allowed list"),
                Arguments.of("https://notyoutube.com/watch", "host is not on the allowed list"),
                Arguments.of("http://2130706433/", "must not use a numeric host"),
                Arguments.of("http://0x7f.1/", "must not use a numeric host"),
                Arguments.of("http://017700000001/", "must not use a numeric host"),
                Arguments.of("http://127.1/", "must not use a numeric host"),
                Arguments.of("http://127.0.0.2/secret.mp3", "resolves to a blocked address"),
                Arguments.of("http://[::1]/x", "host is not on the allowed list"),
                Arguments.of("http://[::ffff:127.0.0.2]/x", "must not use an IPv4-mapped IPv6 address"),
                Arguments.of("http://[::ffff:127.0.0.1]:18190/x.mp3", "must not use an IPv4-mapped IPv6 address"),
                Arguments.of("http://127.0.0.1:99999/a.mp3", "must use a port from 1 to 65535"),
                Arguments.of("http://127.0.0.1:0/a.mp3", "must use a port from 1 to 65535"),
                Arguments.of("http://169.254.169.254/latest/meta-data", "host is not on the allowed list"),
                Arguments.of("https://www.youtube.com/" + "a".repeat(2100), "must be at most 2048 characters"),
                Arguments.of("https://www.youtube.com/watch?v=<a>", "must be a valid URL"));
    }

    @ParameterizedTest
    @MethodSource("badUrls")
    void badLinksAreRefusedAndNothingIsStored(String url, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("url", url);
        HttpResponse<String> response = api.postJson("/api/v1/imports", body.toString(), user.accessToken());
        assertValidation(response, "url", message);
        assertNothingStored();
    }

    static Stream<Arguments> badNames() {
        return Stream.of(
                Arguments.of("   ", "must not be blank"),
                Arguments.of("x".repeat(201), "must be at most 200 characters"),
                Arguments.of("../../etc/passwd", "must not contain path separators"),
                Arguments.of("a\\b", "must not contain path separators"),
                Arguments.of("a..b", "must not contain '..'"),
                Arguments.of(".hidden", "must not start with a dot"),
                Arguments.of("bell\u0007", "must not contain control characters"),
                Arguments.of("new\nline", "must not contain control characters"),
                Arguments.of("rtl\u202Eevil", "must not contain control characters"));
    }

    @ParameterizedTest
    @MethodSource("badNames")
    void badCustomNamesAreRefused(String name, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("url", VALID).put("customName", name);
        assertValidation(api.postJson("/api/v1/imports", body.toString(), user.accessToken()), "customName", message);
        assertNothingStored();
    }

    @Test
    void anUnknownFormatIsAFieldError() {
        for (String format : new String[] { "exe", "mp3; rm -rf /", "", "MP4", "$(id)" }) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("url", VALID).put("format", format);
            assertValidation(api.postJson("/api/v1/imports", body.toString(), user.accessToken()), "format",
                    "must be one of mp3, m4a, aac, opus, flac, wav");
        }
        assertNothingStored();
    }

    @Test
    void batchErrorsNameTheIndexAndTheSizeIsBounded() {
        HttpResponse<String> response = api.postJson("/api/v1/imports/batch", "{\"urls\":[\"" + VALID + "\","
                + "\"http://127.0.0.1:65536/b.mp3\",\"ftp://youtu.be/c\",\"https://evil.org/d\"]}", user.accessToken());
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = Api.json(response).path("errors");
        assertThat(errors.valueStream().map(error -> error.path("field").asString()))
                .containsExactly("urls[1]", "urls[2]", "urls[3]");
        assertValidation(response, "urls[1]", "must use a port from 1 to 65535");
        assertValidation(api.postJson("/api/v1/imports/playlist", "{\"url\":\"http://127.0.0.1:0/list\"}",
                user.accessToken()), "url", "must use a port from 1 to 65535");

        assertValidation(api.postJson("/api/v1/imports/batch", "{\"urls\":[]}", user.accessToken()), "urls",
                "must hold 1 to 5 links");
        assertValidation(api.postJson("/api/v1/imports/batch", "{}", user.accessToken()), "urls",
                "must hold 1 to 5 links");
        String six = "\"https://youtu.be/a\",".repeat(5) + "\"https://youtu.be/a\"";
        assertValidation(api.postJson("/api/v1/imports/batch", "{\"urls\":[" + six + "]}", user.accessToken()), "urls",
                "must hold 1 to 5 links");
        assertNothingStored();
    }

    @Test
    void malformedBodiesAndBadFiltersAreProblems() {
        HttpResponse<String> response = api.postJson("/api/v1/imports", "{\"url\":", user.accessToken());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertValidation(api.get("/api/v1/imports?status=DONE", user.accessToken()), "status",
                "must be one of [QUEUED, RUNNING, SUCCEEDED, PARTIAL, FAILED, CANCELLED]");
        assertValidation(api.get("/api/v1/imports?sort=password", user.accessToken()), "sort",
                "cannot sort by 'password'; allowed: createdAt, status, updatedAt");
        assertThat(api.get("/api/v1/imports/not-a-uuid", user.accessToken()).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/imports/" + java.util.UUID.randomUUID(), user.accessToken()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void importsNeedASignedInUser() {
        HttpResponse<String> response = api.send(api.request("/api/v1/imports").header("Content-Type",
                "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"url\":\"https://youtu.be/a\"}")));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private void assertValidation(HttpResponse<String> response, String field, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = Api.json(response);
        assertThat(problem.path("type").asString()).endsWith("/validation-failed");
        assertThat(problem.path("errors").valueStream()
                .anyMatch(error -> error.path("field").asString().equals(field)
                        && error.path("message").asString().equals(message)))
                .as(response.body()).isTrue();
    }

    private void assertNothingStored() {
        assertThat(Api.json(api.get("/api/v1/imports", user.accessToken())).path("totalItems").asLong()).isZero();
    }
}
