package dev.encore.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import dev.encore.platform.EncoreProperties;

class ProblemWriterTests {

    private final ProblemWriter writer = new ProblemWriter(JsonMapper.builder().build(),
            new EncoreProperties(Path.of("."), URI.create("https://media.example.org/"), Duration.ofSeconds(30)));

    @ParameterizedTest
    @CsvSource({ "/api/a.%%, /api/a.%25%25", "/api/v1/tracks/%zz, /api/v1/tracks/%25zz", "/api/v1/me%, /api/v1/me%25",
            "/api/%C0%AE, /api/%C0%AE", "/a b<c>, /abc",
            // a signed link's token is its credential: named by its route, as in the access log
            "/dl/eyJhbGciOi.secret.sig, /dl/token", "/stream/tracks/eyJ.x.y, /stream/tracks/token",
            "/stream/videos/eyJ.x.y/hls/720p/seg-1.m4s, /stream/videos/token/hls/720p/seg-1.m4s",
            "/api/v1/dl/x, /api/v1/dl/x" })
    void theInstanceIsAUriReferenceEvenForPathsTomcatRefuses(String path, String instance) {
        ProblemDetail problem = writer.complete(ProblemDetail.forStatus(HttpStatus.BAD_REQUEST),
                new MockHttpServletRequest("GET", path));
        assertThat(problem.getInstance()).hasToString(instance);
        assertThat(problem.getType()).hasToString("https://media.example.org/problems/bad-request");
    }
}
