package dev.encore.library.track;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.encore.library.TrackLibrary;
import dev.encore.library.Viewer;
import dev.encore.library.content.LibraryProblems;
import dev.encore.library.content.VisibilityParameter;
import dev.encore.library.media.CoverArt;
import dev.encore.support.EncoreWebMvcTest;
import tools.jackson.databind.JsonNode;

@EncoreWebMvcTest
@Import({ TracksController.class, ReleaseYearRule.class, VisibilityParameter.class })
class TracksControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID TRACK = UUID.randomUUID();
    private static final Viewer VIEWER = new Viewer(USER, false);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    TrackLibrary library;

    @MockitoBean
    CoverArt covers;

    @Test
    void reportsEveryFieldErrorOfATrackInOneAnswer() {
        JsonNode problem = assertInvalidFields(post("{\"title\":\"\",\"artist\":\" \",\"year\":1800,"
                + "\"genre\":\"" + "g".repeat(51) + "\",\"tags\":[\"\"]}"), "title", "artist", "year", "genre",
                "tags[0]");
        assertThat(messages(problem, "genre")).containsExactly("must be at most 50 characters");
        verifyNoInteractions(library);
    }

    @Test
    void controlCharactersInAnyTextFieldAreRefusedFieldByField() {
        JsonNode problem = assertInvalidFields(post("{\"title\":\"t\\\"\\r\\nX: y\",\"artist\":\"a\\u001b[31m\","
                + "\"album\":\"b\\u0085\",\"genre\":\"g\\u007f\",\"category\":\"c\\td\",\"tags\":[\"ok\",\"x\\ny\"]}"),
                "title", "artist", "album", "genre", "category", "tags[1]");
        assertThat(messages(problem, "title")).containsExactly("must not contain control characters");
        assertInvalidFields(patch(TRACK.toString(), null, "{\"title\":\"line\\nbreak\"}"), "title");
        assertInvalidFields(post("{\"title\":\"invoice\\u202Egpj.exe\",\"artist\":\"a\\u2066b\\u2069\"}"), "title",
                "artist");
        verifyNoInteractions(library);
    }

    @Test
    void lengthsCountCharactersSoAnEmojiIsOne() {
        String note = "\uD83C\uDFB5"; // one character, two UTF-16 units
        TrackDetails longest = new TrackDetails(note.repeat(255), note.repeat(255), note.repeat(255), note.repeat(50),
                null, note.repeat(50), null, List.of(note.repeat(50)), null, null, null);
        given(library.update(VIEWER, TRACK, longest, 3L)).willThrow(LibraryProblems.stale());
        assertProblem(patch(TRACK.toString(), "\"3\"", "{\"title\":\"" + note.repeat(255) + "\",\"artist\":\""
                + note.repeat(255) + "\",\"album\":\"" + note.repeat(255) + "\",\"genre\":\"" + note.repeat(50)
                + "\",\"category\":\"" + note.repeat(50) + "\",\"tags\":[\"" + note.repeat(50) + "\"]}"), 412,
                "precondition-failed"); // valid: it reached the library
        JsonNode problem = assertInvalidFields(patch(TRACK.toString(), null, "{\"title\":\"" + note.repeat(256)
                + "\",\"album\":\"" + note.repeat(256) + "\",\"genre\":\"" + note.repeat(51) + "\",\"tags\":[\""
                + note.repeat(51) + "\"]}"), "title", "album", "genre", "tags[0]");
        assertThat(messages(problem, "title")).containsExactly("must be 1 to 255 characters");
        assertThat(messages(problem, "tags[0]")).containsExactly("must be 1 to 50 characters");
        verify(library).update(VIEWER, TRACK, longest, 3L);
    }

    @Test
    void aReleaseYearInTheFutureIsRefusedWithTheOtherErrors() {
        int nextYear = Instant.now().atZone(java.time.ZoneOffset.UTC).getYear() + 1;
        JsonNode problem = assertInvalidFields(post("{\"artist\":\"\",\"year\":" + nextYear + "}"), "artist", "year");
        assertThat(messages(problem, "year")).containsExactly(ReleaseYearRule.MESSAGE);
        verifyNoInteractions(library);
    }

    @Test
    void refusesBadPagingSortingAndIdsThatAreNoIds() {
        assertInvalidFields(mvc.get().uri("/api/v1/tracks?sort=sha256").with(user()).exchange(), "sort");
        assertInvalidFields(mvc.get().uri("/api/v1/tracks?size=0").with(user()).exchange(), "size");
        assertInvalidFields(mvc.get().uri("/api/v1/tracks/42").with(user()).exchange(), "id");
        assertInvalidFields(patch("42", null, "{\"title\":\"x\"}"), "id");
        verifyNoInteractions(library);
    }

    @Test
    void createdTimesPastTheYear9999AreRefused() {
        for (String far : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+300000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            for (String parameter : List.of("createdFrom", "createdTo")) {
                assertInvalidFields(mvc.get().uri("/api/v1/tracks").param(parameter, far).with(user()).exchange(),
                        parameter);
            }
        }
        verifyNoInteractions(library);
    }

    @Test
    void strangersAreUnauthenticated() {
        assertProblem(mvc.get().uri("/api/v1/tracks").exchange(), 401, "unauthenticated");
        assertProblem(mvc.delete().uri("/api/v1/tracks/" + TRACK).exchange(), 401, "unauthenticated");
        verifyNoInteractions(library);
    }

    @Test
    void aTrackTheViewerMayNotSeeIsNotFound() {
        given(library.get(VIEWER, TRACK)).willThrow(LibraryProblems.notFound("track"));
        assertProblem(mvc.get().uri("/api/v1/tracks/" + TRACK).with(user()).exchange(), 404, "not-found");
        given(library.coverOf(VIEWER, TRACK)).willThrow(LibraryProblems.notFound("cover"));
        assertProblem(mvc.get().uri("/api/v1/tracks/" + TRACK + "/cover").with(user()).exchange(), 404,
                "not-found");
    }

    @Test
    void someoneElsesTrackIsForbiddenAndFeaturingIsForAdmins() {
        given(library.update(eq(VIEWER), eq(TRACK), any(), eq(null))).willThrow(LibraryProblems.notYours());
        assertProblem(patch(TRACK.toString(), null, "{\"title\":\"Mine now\"}"), 403, "forbidden");
        given(library.create(eq(VIEWER), any())).willThrow(LibraryProblems.adminOnly("featured"));
        assertProblem(post("{\"artist\":\"a\",\"featured\":true,\"fileId\":\"" + UUID.randomUUID() + "\"}"), 403,
                "forbidden");
    }

    @Test
    void theIfMatchVersionReachesTheLibraryAndAStaleOneIsAPreconditionFailure() {
        given(library.update(eq(VIEWER), eq(TRACK), any(), eq(3L))).willThrow(LibraryProblems.stale());
        assertProblem(patch(TRACK.toString(), "\"3\"", "{\"title\":\"New\"}"), 412, "precondition-failed");
        verify(library).update(eq(VIEWER), eq(TRACK), any(), eq(3L));
        assertInvalidFields(patch(TRACK.toString(), "\"not-a-version\"", "{\"title\":\"New\"}"), "If-Match");
    }

    @Test
    void deletesAndAnswersNoContent() {
        assertThat(mvc.delete().uri("/api/v1/tracks/" + TRACK).with(user()).exchange()).hasStatus(204);
        verify(library).delete(VIEWER, TRACK);
    }

    @Test
    void listsWithTheFiltersOfTheQuery() {
        given(library.list(eq(VIEWER), any(), any())).willReturn(org.springframework.data.domain.Page.empty());
        assertThat(mvc.get().uri("/api/v1/tracks?artist=Low&yearFrom=1990&visibility=PUBLIC").with(user())
                .exchange()).hasStatusOk().bodyJson().extractingPath("$.items").asArray().isEmpty();
        verify(library).list(eq(VIEWER), eq(new TrackFilter("Low", null, null, null, null, 1990, null, null, null,
                dev.encore.library.Visibility.PUBLIC, null)), any());
    }

    @Test
    void filtersByTheVisibilityAsTheBodiesSpellIt() {
        given(library.list(eq(VIEWER), any(), any())).willReturn(org.springframework.data.domain.Page.empty());
        for (String value : new String[] { "private", "Unlisted", "PUBLIC" }) {
            assertThat(mvc.get().uri("/api/v1/tracks?visibility=" + value).with(user()).exchange()).hasStatusOk();
        }
        verify(library).list(eq(VIEWER), eq(new TrackFilter(null, null, null, null, null, null, null, null, null,
                dev.encore.library.Visibility.PRIVATE, null)), any());
        verify(library).list(eq(VIEWER), eq(new TrackFilter(null, null, null, null, null, null, null, null, null,
                dev.encore.library.Visibility.UNLISTED, null)), any());
        assertInvalidFields(mvc.get().uri("/api/v1/tracks?visibility=secret").with(user()).exchange(), "visibility");
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult post(String body) {
        return mvc.post().uri("/api/v1/tracks").with(user()).contentType(MediaType.APPLICATION_JSON).content(body)
                .exchange();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult patch(String id, String ifMatch,
            String body) {
        MockMvcTester.MockMvcRequestBuilder request = mvc.patch().uri("/api/v1/tracks/" + id).with(user())
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }

    private static RequestPostProcessor user() {
        return jwt().jwt(token -> token.subject(USER.toString())).authorities(new SimpleGrantedAuthority("ROLE_USER"));
    }
}
