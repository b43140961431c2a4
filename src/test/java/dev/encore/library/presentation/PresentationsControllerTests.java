package dev.encore.library.presentation;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static dev.encore.support.MvcProblemAssert.assertProblem;
import static dev.encore.support.MvcProblemAssert.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;

import dev.encore.library.PresentationLibrary;
import dev.encore.library.Viewer;
import dev.encore.library.content.LibraryProblems;
import dev.encore.media.UnusablePdfException;
import dev.encore.media.UnusablePdfException.Reason;
import dev.encore.support.EncoreWebMvcTest;

@EncoreWebMvcTest
@Import(PresentationsController.class)
class PresentationsControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID PRESENTATION = UUID.randomUUID();
    private static final Viewer VIEWER = new Viewer(USER, false);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PresentationLibrary library;

    @Test
    void reportsEveryFieldErrorOfAPresentationInOneAnswer() {
        String tooManyTags = "[" + String.join(",", Collections.nCopies(21, "\"t\"")) + "]";
        JsonNode problem = assertInvalidFields(send(mvc.post().uri("/api/v1/presentations"), null, "{\"title\":\" \","
                + "\"description\":\"" + "d".repeat(5001) + "\",\"category\":\"" + "c".repeat(51) + "\",\"tags\":"
                + tooManyTags + "}"), "title", "description", "category", "tags");
        assertThat(messages(problem, "tags")).containsExactly("must hold at most 20 tags");
        assertInvalidFields(mvc.get().uri("/api/v1/presentations?sort=durationMs").with(user()).exchange(), "sort");
        assertInvalidFields(mvc.get().uri("/api/v1/presentations/not-an-id/slides").with(user()).exchange(), "id");
        verifyNoInteractions(library);
    }

    @Test
    void controlCharactersAreRefusedButADescriptionKeepsItsLineBreaks() {
        assertInvalidFields(send(mvc.post().uri("/api/v1/presentations"), null,
                "{\"title\":\"t\\r\\nX: y\",\"description\":\"two\\r\\nlines\\u0000\\u0008\",\"category\":\"c\\u009b\","
                        + "\"tags\":[\"x\\ty\"]}"), "title", "description", "category", "tags[0]");
        verifyNoInteractions(library);
    }

    @Test
    void createdTimesPastTheYear9999AreRefused() {
        for (String far : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+300000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            for (String parameter : List.of("createdFrom", "createdTo")) {
                assertInvalidFields(mvc.get().uri("/api/v1/presentations").param(parameter, far).with(user()).exchange(),
                        parameter);
            }
        }
        verifyNoInteractions(library);
    }

    @Test
    void strangersAreUnauthenticated() {
        assertProblem(mvc.get().uri("/api/v1/presentations/" + PRESENTATION).exchange(), 401, "unauthenticated");
        assertProblem(mvc.get().uri("/api/v1/presentations/" + PRESENTATION + "/slides").exchange(), 401,
                "unauthenticated");
        assertProblem(send(mvc.post().uri("/api/v1/presentations"), "{}", false), 401, "unauthenticated");
        verifyNoInteractions(library);
    }

    @Test
    void eachUnusablePdfHasAProblemTypeOfItsOwn() {
        UUID upload = UUID.randomUUID();
        String body = "{\"uploadId\":\"" + upload + "\"}";
        for (Reason reason : Reason.values()) {
            given(library.create(eq(VIEWER), any())).willThrow(PresentationProblems.refused(
                    new UnusablePdfException(reason, "Plain words for " + reason + ".")));
            String type = switch (reason) {
                case ENCRYPTED -> "pdf-encrypted";
                case MALFORMED -> "pdf-malformed";
                case TOO_MANY_PAGES -> "pdf-too-many-pages";
                case PAGE_TOO_LARGE -> "pdf-page-too-large";
            };
            JsonNode problem = assertProblem(send(mvc.post().uri("/api/v1/presentations"), null, body), 422, type);
            assertThat(problem.path("detail").asString()).isEqualTo("Plain words for " + reason + ".");
        }
    }

    @Test
    void mapsTheLibrarysRefusals() {
        given(library.get(VIEWER, PRESENTATION)).willThrow(LibraryProblems.notFound("presentation"));
        assertProblem(mvc.get().uri("/api/v1/presentations/" + PRESENTATION).with(user()).exchange(), 404,
                "not-found");
        given(library.update(eq(VIEWER), eq(PRESENTATION), any(), eq(3L))).willThrow(LibraryProblems.stale());
        assertProblem(send(mvc.patch().uri("/api/v1/presentations/" + PRESENTATION), "\"3\"", "{\"title\":\"x\"}"),
                412, "precondition-failed");
    }

    private MvcTestResult send(MockMvcTester.MockMvcRequestBuilder request, String ifMatch, String body) {
        return send(ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch), body, true);
    }

    private MvcTestResult send(MockMvcTester.MockMvcRequestBuilder request, String body, boolean signedIn) {
        MockMvcTester.MockMvcRequestBuilder built = request.contentType(MediaType.APPLICATION_JSON).content(body);
        return (signedIn ? built.with(user()) : built).exchange();
    }

    private static RequestPostProcessor user() {
        return jwt().jwt(token -> token.subject(USER.toString())).authorities(new SimpleGrantedAuthority("ROLE_USER"));
    }
}
