package dev.encore.platform.web;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;

class ProblemResponsesIT extends IntegrationTest {

    @Test
    void unknownRouteIsNotFoundProblem() {
        assertProblem(api.get("/no/such/route"), 404, "not-found");
        assertProblem(api.get("/api/v1/no/such/route", tokens.user()), 404, "not-found");
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblem() {
        HttpResponse<String> response = api.send(api.request("/api/v1/_fixtures/echo")
                .header("Authorization", "Bearer " + tokens.user()).DELETE());
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaTypeProblem() {
        HttpResponse<String> response = api.send(api.request("/api/v1/_fixtures/echo")
                .header("Authorization", "Bearer " + tokens.user()).header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("name=x")));
        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void aYamlBodyIsUnsupportedMediaTypeNotReadWithoutTheJsonRules() {
        for (String type : new String[] { "application/yaml", "application/x-yaml", "application/vnd.x+yaml" }) {
            HttpResponse<String> response = api.send(api.request("/api/v1/_fixtures/echo")
                    .header("Authorization", "Bearer " + tokens.user()).header("Content-Type", type)
                    .POST(BodyPublishers.ofString("name: x\nname: y\ncount: 1\n")));
            JsonNode problem = assertProblem(response, 415, "unsupported-media-type");
            assertThat(problem.path("detail").asString()).as(type)
                    .endsWith("is not accepted here; send a body of type application/json or application/*+json.");
        }
    }

    @Test
    void malformedJsonIsBadRequestProblem() {
        HttpResponse<String> response = api.postJson("/api/v1/_fixtures/echo", "{\"name\": \"x\", ", tokens.user());
        JsonNode problem = assertProblem(response, 400, "malformed-request");
        assertThat(problem.path("detail").asString()).doesNotContain("Jackson", "tools.jackson", "line:");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNamingItsField() {
        // each was silently coerced before: 2.5 -> 2, "3" -> 3, true -> "true"
        for (String body : new String[] {"{\"name\":\"x\",\"count\":2.5}", "{\"name\":\"x\",\"count\":\"3\"}",
                "{\"name\":\"x\",\"count\":true}"}) {
            JsonNode problem = assertProblem(api.postJson("/api/v1/_fixtures/echo", body, tokens.user()), 400,
                    "malformed-request");
            assertThat(problem.path("errors").get(0).path("field").asString()).as(body).isEqualTo("count");
            assertThat(problem.toString()).as(body).doesNotContain("tools.jackson", "int", "EchoRequest");
        }
        HttpResponse<String> whole = api.postJson("/api/v1/_fixtures/echo", "{\"name\":\"x\",\"count\":3.0}",
                tokens.user());
        assertThat(whole.statusCode()).as("a whole number written with a fraction").isEqualTo(400);
    }

    @Test
    void aPropertyNamedTwiceIsRefused() {
        assertProblem(api.postJson("/api/v1/_fixtures/echo", "{\"name\":\"x\",\"count\":1,\"count\":5}",
                tokens.user()), 400, "malformed-request");
    }

    @Test
    void invalidFieldsAreListedInValidationProblem() {
        HttpResponse<String> response = api.postJson("/api/v1/_fixtures/echo",
                "{\"name\": \"far too long a name\", \"count\": 9}", tokens.user());
        JsonNode problem = assertProblem(response, 400, "validation-failed");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()))
                .containsExactlyInAnyOrder("name", "count");
        assertThat(problem.path("errors").get(0).path("message").asString()).isNotBlank();
    }

    @Test
    void declaredBodyOverTheLimitIsRefusedBeforeReading() {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\",\"count\":1}";
        HttpResponse<String> response = api.postJson("/api/v1/_fixtures/echo", big, tokens.user());
        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWhileReading() {
        byte[] big = ("{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\",\"count\":1}").getBytes();
        HttpResponse<String> response = api.send(api.request("/api/v1/_fixtures/echo")
                .header("Authorization", "Bearer " + tokens.user()).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void bodyJustUnderTheLimitIsAccepted() {
        HttpResponse<String> response = api.postJson("/api/v1/_fixtures/echo",
                "{\"name\":\"ok\",\"count\":2,\"password\":\"" + "p".repeat(1000 * 1000) + "\"}", tokens.user());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void missingTokenIsUnauthenticatedProblem() {
        HttpResponse<String> response = api.get("/api/v1/_fixtures/client");
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void forgedTokenIsUnauthenticatedProblem() {
        String forged = tokens.user().substring(0, tokens.user().lastIndexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        HttpResponse<String> response = api.get("/api/v1/_fixtures/client", forged);
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("invalid_token"));
    }

    @Test
    void userOnAdminRouteIsForbiddenProblem() {
        assertProblem(api.get("/api/v1/_fixtures/admin", tokens.user()), 403, "forbidden");
        assertThat(api.get("/api/v1/_fixtures/admin", tokens.admin()).statusCode()).isEqualTo(200);
    }

    @Test
    void userOnAdminActuatorIsForbiddenProblem() {
        assertProblem(api.get("/actuator/info", tokens.user()), 403, "forbidden");
    }

    @Test
    void unexpectedFailureIsGenericServerErrorWithoutInternals() {
        HttpResponse<String> response = api.get("/api/v1/_fixtures/boom", tokens.user());
        JsonNode problem = assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("SELECT", "/var/lib", "IllegalStateException", "at dev.encore",
                "Exception", "java.");
        assertThat(problem.path("detail").asString()).contains("request id");
    }
}
