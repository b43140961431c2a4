package dev.encore.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;

/** Checks that an answer is a complete Encore problem of the expected status and type. */
public final class ProblemAssert {

    /**
     * Where problem types live in the tests: under Encore's built-in public URL, which a node on a
     * random port keeps. A packaged node started on a chosen port has its types under that port.
     */
    public static final String TYPES = "http://localhost:8080/problems/";

    private ProblemAssert() {
    }

    public static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = Api.json(response);
        assertThat(problem.path("type").asString()).isIn(TYPES + type, typesAt(response) + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).startsWith("/");
        assertThat(problem.path("requestId").asString())
                .isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
        assertThat(response.body()).doesNotContain("trace", "exception", "Exception");
        return problem;
    }

    /** Problem types of a node whose public URL follows the port it was started on. */
    public static String typesAt(HttpResponse<?> response) {
        return "http://localhost:" + response.uri().getPort() + "/problems/";
    }

    /** A 400 validation problem naming {@code field} among its errors. */
    public static JsonNode assertInvalidField(HttpResponse<String> response, String field) {
        JsonNode problem = assertProblem(response, 400, "validation-failed");
        assertThat(problem.path("errors").valueStream().anyMatch(error -> error.path("field").asString().equals(field)))
                .as(response.body()).isTrue();
        return problem;
    }
}
