package dev.encore.library.video;

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

import dev.encore.library.VideoLibrary;
import dev.encore.library.Viewer;
import dev.encore.library.content.LibraryProblems;
import dev.encore.support.EncoreWebMvcTest;
import tools.jackson.databind.JsonNode;

@EncoreWebMvcTest
@Import(VideosController.class)
class VideosControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID VIDEO = UUID.randomUUID();
    private static final Viewer VIEWER = new Viewer(USER, false);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    VideoLibrary library;

    @Test
    void reportsEveryFieldErrorOfAVideoInOneAnswer() {
        String tooManyTags = "[" + String.join(",", Collections.nCopies(21, "\"t\"")) + "]";
        JsonNode problem = assertInvalidFields(send(mvc.post().uri("/api/v1/videos"), null, "{\"title\":\" \","
                + "\"description\":\"" + "d".repeat(5001) + "\",\"category\":\"" + "c".repeat(51) + "\",\"tags\":"
                + tooManyTags + "}"), "title", "description", "category", "tags");
        assertThat(messages(problem, "tags")).containsExactly("must hold at most 20 tags");
        assertThat(messages(problem, "description")).containsExactly("must be at most 5000 characters");
        verifyNoInteractions(library);
    }

    @Test
    void controlCharactersAreRefusedButADescriptionKeepsItsLineBreaks() {
        JsonNode problem = assertInvalidFields(send(mvc.post().uri("/api/v1/videos"), null,
                "{\"title\":\"t\\r\\nX: y\",\"description\":\"two\\nlines\\u0007\",\"category\":\"c\\u001b\","
                        + "\"tags\":[\"x\\ty\"]}"), "title", "description", "category", "tags[0]");
        assertThat(messages(problem, "description")).containsExactly("must not contain control characters");
        assertInvalidFields(send(mvc.patch().uri("/api/v1/videos/" + VIDEO), null, "{\"title\":\"a\\nb\"}"), "title");
        verifyNoInteractions(library);
    }

    @Test
    void refusesBadSortingAndIdsThatAreNoIds() {
        assertInvalidFields(mvc.get().uri("/api/v1/videos?sort=artist").with(user()).exchange(), "sort");
        assertInvalidFields(mvc.get().uri("/api/v1/videos/not-an-id").with(user()).exchange(), "id");
        assertInvalidFields(mvc.get().uri("/api/v1/videos?page=-1").with(user()).exchange(), "page");
        verifyNoInteractions(library);
    }

    @Test
    void createdTimesPastTheYear9999AreRefused() {
        for (String far : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+300000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            for (String parameter : List.of("createdFrom", "createdTo")) {
                assertInvalidFields(mvc.get().uri("/api/v1/videos").param(parameter, far).with(user()).exchange(),
                        parameter);
            }
        }
        verifyNoInteractions(library);
    }

    @Test
    void strangersAreUnauthenticated() {
        assertProblem(mvc.get().uri("/api/v1/videos/" + VIDEO).exchange(), 401, "unauthenticated");
        assertProblem(send(mvc.post().uri("/api/v1/videos"), "{}", false), 401, "unauthenticated");
        verifyNoInteractions(library);
    }

    @Test
    void mapsTheLibrarysRefusals() {
        given(library.get(VIEWER, VIDEO)).willThrow(LibraryProblems.notFound("video"));
        assertProblem(mvc.get().uri("/api/v1/videos/" + VIDEO).with(user()).exchange(), 404, "not-found");

        org.mockito.BDDMockito.willThrow(LibraryProblems.notYours()).given(library).delete(VIEWER, VIDEO);
        assertProblem(mvc.delete().uri("/api/v1/videos/" + VIDEO).with(user()).exchange(), 403, "forbidden");

        given(library.update(eq(VIEWER), eq(VIDEO), any(), eq(7L))).willThrow(LibraryProblems.stale());
        assertProblem(send(mvc.patch().uri("/api/v1/videos/" + VIDEO), "W/\"7\"", "{\"title\":\"x\"}"), 412,
                "precondition-failed");
        verify(library).update(eq(VIEWER), eq(VIDEO), any(), eq(7L));
    }

    @Test
    void aSourceNamedInAChangeIsRefusedByTheLibrary() {
        UUID file = UUID.randomUUID();
        given(library.update(eq(VIEWER), eq(VIDEO), any(), eq(null)))
                .willThrow(dev.encore.platform.InvalidFieldsException.of("fileId", "cannot be changed"));
        JsonNode problem = assertInvalidFields(send(mvc.patch().uri("/api/v1/videos/" + VIDEO), null,
                "{\"fileId\":\"" + file + "\"}"), "fileId");
        assertThat(messages(problem, "fileId")).containsExactly("cannot be changed");
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
