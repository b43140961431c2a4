package dev.encore.ingest.request;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static dev.encore.support.MvcProblemAssert.assertProblem;
import static dev.encore.support.MvcProblemAssert.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import dev.encore.ingest.imports.ImportKind;
import dev.encore.ingest.imports.ImportView;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.support.EncoreWebMvcTest;

/** The imports API's validation and error answers, with {@link ImportRequests} mocked. */
@EncoreWebMvcTest
@Import(ImportsController.class)
class ImportsControllerTests {

    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID IMPORT = UUID.randomUUID();
    private static final ImportView QUEUED = new ImportView(IMPORT, "single", "mp3", "QUEUED", 0, null, null, null,
            null, "https://youtu.be/x", null, Instant.parse("2026-03-01T12:00:00Z"),
            Instant.parse("2026-03-01T12:00:00Z"), null, List.of());

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ImportRequests requests;

    @Test
    void anAcceptedImportAnswers202WithItsLocation() {
        given(requests.create(eq(OWNER), eq(new ImportRequests.Request(ImportKind.SINGLE, List.of("https://youtu.be/x"),
                "opus", "Mine")))).willReturn(QUEUED);

        MvcTestResult result = post("/api/v1/imports",
                "{\"url\":\"https://youtu.be/x\",\"format\":\"opus\",\"customName\":\"Mine\"}");

        assertThat(result).hasStatus(202).hasHeader("Location", "/api/v1/imports/" + IMPORT);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("QUEUED");
    }

    @Test
    void everyInvalidFieldIsReportedInOneAnswer() {
        SequencedMap<String, String> errors = new LinkedHashMap<>();
        errors.put("url", "must use http or https");
        errors.put("format", "must be one of mp3, m4a, aac, opus, flac, wav");
        errors.put("customName", "must not contain path separators");
        given(requests.create(eq(OWNER), any())).willThrow(InvalidFieldsException.ofFields(errors));

        JsonNode problem = assertInvalidFields(post("/api/v1/imports",
                "{\"url\":\"ftp://x\",\"format\":\"mp4\",\"customName\":\"a/b\"}"), "url", "format", "customName");
        assertThat(messages(problem, "url")).containsExactly("must use http or https");
    }

    @Test
    void aBatchWithoutLinksReachesTheValidationAsAnEmptyList() {
        given(requests.create(eq(OWNER), eq(new ImportRequests.Request(ImportKind.BATCH, null, null, null))))
                .willThrow(InvalidFieldsException.of("urls", "must hold 1 to 50 links"));

        assertInvalidFields(post("/api/v1/imports/batch", "{}"), "urls");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestNotAServerError() {
        MvcTestResult result = post("/api/v1/imports", "{\"url\":");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        verifyNoInteractions(requests);
    }

    @Test
    void theRunningCapIs429AndAFullQueue503WithRetryAfter() {
        given(requests.create(eq(OWNER), any())).willThrow(ImportRefusedException.tooManyRunning(3));
        MvcTestResult tooMany = post("/api/v1/imports", "{\"url\":\"https://youtu.be/x\"}");
        assertProblem(tooMany, 429, "too-many-imports");
        assertThat(tooMany).hasHeader("Retry-After", "30");

        given(requests.create(eq(OWNER), any())).willThrow(ImportRefusedException.queueFull());
        MvcTestResult full = post("/api/v1/imports/playlist", "{\"url\":\"https://youtube.com/playlist?list=1\"}");
        assertProblem(full, 503, "import-queue-full");
        assertThat(full).hasHeader("Retry-After", "60");
    }

    @Test
    void anotherUsersOrAnUnknownImportIs404AndABadIdIs400() {
        given(requests.get(OWNER, IMPORT)).willThrow(new ImportNotFoundException());
        assertProblem(mvc.get().uri("/api/v1/imports/" + IMPORT).with(owner()).exchange(), 404, "not-found");

        MvcTestResult badId = mvc.get().uri("/api/v1/imports/not-a-uuid").with(owner()).exchange();
        assertThat(badId.getResponse().getStatus()).isEqualTo(400);
        assertThat(badId.getResponse().getContentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownStatusFilterNamesTheChoices() {
        JsonNode problem = assertInvalidFields(mvc.get().uri("/api/v1/imports?status=done").with(owner()).exchange(),
                "status");
        assertThat(messages(problem, "status")).singleElement().asString().contains("QUEUED", "CANCELLED");
        verifyNoInteractions(requests);
    }

    @Test
    void cancellingAnswers204() {
        assertThat(mvc.delete().uri("/api/v1/imports/" + IMPORT).with(owner()).exchange()).hasStatus(204);
        verify(requests).cancelOrDelete(OWNER, IMPORT);
    }

    @Test
    void withoutATokenNothingIsImported() {
        assertProblem(mvc.post().uri("/api/v1/imports").contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"https://youtu.be/x\"}").exchange(), 401, "unauthenticated");
        verifyNoInteractions(requests);
    }

    private MvcTestResult post(String uri, String json) {
        return mvc.post().uri(uri).with(owner()).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private static RequestPostProcessor owner() {
        return jwt().jwt(token -> token.subject(OWNER.toString()));
    }
}
