package dev.encore.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** {@link ProblemAssert} for the answers of MVC slice tests ({@link EncoreWebMvcTest}). */
public final class MvcProblemAssert {

    private MvcProblemAssert() {
    }

    /** A complete Encore problem of {@code status} and {@code type}; its body. */
    public static JsonNode assertProblem(MvcTestResult result, int status, String type) {
        String body = body(result);
        assertThat(result).as(body).hasStatus(status);
        assertThat(result.getResponse().getContentType()).as(body).startsWith("application/problem+json");
        JsonNode problem = Api.json(body);
        assertThat(problem.path("type").asString()).isEqualTo(ProblemAssert.TYPES + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).startsWith("/");
        assertThat(problem.path("requestId").asString()).isNotBlank()
                .isEqualTo(result.getResponse().getHeader("X-Request-ID"));
        assertThat(body).doesNotContain("trace", "exception", "Exception", "dev.encore");
        return problem;
    }

    /** A 400 {@code validation-failed} problem naming exactly {@code fields} (each once or more). */
    public static JsonNode assertInvalidFields(MvcTestResult result, String... fields) {
        JsonNode problem = assertProblem(result, 400, "validation-failed");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString()).distinct())
                .as(body(result)).containsExactlyInAnyOrder(fields);
        return problem;
    }

    /** The messages of {@code problem} for {@code field}. */
    public static java.util.List<String> messages(JsonNode problem, String field) {
        return problem.path("errors").valueStream().filter(error -> error.path("field").asString().equals(field))
                .map(error -> error.path("message").asString()).toList();
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
