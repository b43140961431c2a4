package dev.encore.library.playlist;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static dev.encore.support.MvcProblemAssert.assertProblem;
import static dev.encore.support.MvcProblemAssert.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.encore.library.Viewer;
import dev.encore.library.content.LibraryProblems;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.support.EncoreWebMvcTest;
import tools.jackson.databind.JsonNode;

@EncoreWebMvcTest
@Import(PlaylistsController.class)
class PlaylistsControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID PLAYLIST = UUID.randomUUID();
    private static final Viewer VIEWER = new Viewer(USER, false);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PlaylistLibrary library;

    @Test
    void createsAndAnswersWithItsLocationAndVersion() {
        PlaylistView view = new PlaylistView(PLAYLIST, USER, "Mix", null, false, List.of(), NOW, NOW, 0, null);
        given(library.create(eq(VIEWER), eq(new PlaylistRequest("Mix", null, null)))).willReturn(view);
        MvcTestResult result = send(mvc.post().uri("/api/v1/playlists"), null, "{\"name\":\"Mix\"}");
        assertThat(result).hasStatus(201).hasHeader(HttpHeaders.LOCATION, "/api/v1/playlists/" + PLAYLIST)
                .hasHeader(HttpHeaders.ETAG, "\"0\"");
        assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("Mix");
    }

    @Test
    void reportsEveryFieldErrorOfAPlaylistInOneAnswer() {
        JsonNode problem = assertInvalidFields(send(mvc.post().uri("/api/v1/playlists"), null,
                "{\"name\":\"  \",\"description\":\"" + "d".repeat(501) + "\"}"), "name", "description");
        assertThat(messages(problem, "name")).containsExactly("must not be blank");
        assertInvalidFields(send(mvc.patch().uri("/api/v1/playlists/" + PLAYLIST), null,
                "{\"name\":\"" + "n".repeat(101) + "\"}"), "name");
        verifyNoInteractions(library);
    }

    @Test
    void lengthsCountCharactersSoAnEmojiIsOne() {
        String note = "\uD83C\uDFB5"; // one character, two UTF-16 units
        PlaylistView view = new PlaylistView(PLAYLIST, USER, note.repeat(100), note.repeat(500), false, List.of(), NOW,
                NOW, 0, null);
        given(library.create(eq(VIEWER), eq(new PlaylistRequest(note.repeat(100), note.repeat(500), null))))
                .willReturn(view);
        assertThat(send(mvc.post().uri("/api/v1/playlists"), null, "{\"name\":\"" + note.repeat(100)
                + "\",\"description\":\"" + note.repeat(500) + "\"}")).hasStatus(201);
        JsonNode problem = assertInvalidFields(send(mvc.post().uri("/api/v1/playlists"), null, "{\"name\":\""
                + note.repeat(101) + "\",\"description\":\"" + note.repeat(501) + "\"}"), "name", "description");
        assertThat(messages(problem, "name")).containsExactly("must be 1 to 100 characters");
        assertThat(messages(problem, "description")).containsExactly("must be at most 500 characters");
    }

    @Test
    void aLoneSurrogateIsRefusedAsNoText() {
        JsonNode problem = assertInvalidFields(send(mvc.post().uri("/api/v1/playlists"), null,
                "{\"name\":\"Mix \\ud800\",\"description\":\"\\udfff\"}"), "name", "description");
        assertThat(messages(problem, "name")).containsExactly("must be Unicode text: holds a lone surrogate");
        verifyNoInteractions(library);
    }

    @Test
    void aNameWithControlCharactersIsRefusedAndADescriptionKeepsOnlyLineBreaksAndTabs() {
        assertInvalidFields(send(mvc.post().uri("/api/v1/playlists"), null,
                "{\"name\":\"n\\r\\nX: y\",\"description\":\"two\\n\\tlines\\u001b[2J\"}"), "name", "description");
        assertInvalidFields(send(mvc.patch().uri("/api/v1/playlists/" + PLAYLIST), null,
                "{\"name\":\"a\\u0007\"}"), "name");
        verifyNoInteractions(library);
    }

    @Test
    void refusesIdsThatAreNoIdsAndUnknownSorting() {
        assertInvalidFields(mvc.get().uri("/api/v1/playlists/12").with(user()).exchange(), "id");
        assertInvalidFields(mvc.delete().uri("/api/v1/playlists/" + PLAYLIST + "/items/x").with(user()).exchange(),
                "itemId");
        assertInvalidFields(mvc.get().uri("/api/v1/playlists?sort=ownerId").with(user()).exchange(), "sort");
        verifyNoInteractions(library);
    }

    @Test
    void strangersAreUnauthenticated() {
        assertProblem(mvc.get().uri("/api/v1/playlists").exchange(), 401, "unauthenticated");
        assertProblem(mvc.post().uri("/api/v1/playlists/" + PLAYLIST + "/share").exchange(), 401, "unauthenticated");
        verifyNoInteractions(library);
    }

    @Test
    void mapsTheLibrarysRefusals() {
        given(library.get(VIEWER, PLAYLIST)).willThrow(LibraryProblems.notFound("playlist"));
        assertProblem(mvc.get().uri("/api/v1/playlists/" + PLAYLIST).with(user()).exchange(), 404, "not-found");

        willThrow(LibraryProblems.stale()).given(library).delete(VIEWER, PLAYLIST, 2L);
        assertProblem(mvc.delete().uri("/api/v1/playlists/" + PLAYLIST).header(HttpHeaders.IF_MATCH, "\"2\"")
                .with(user()).exchange(), 412, "precondition-failed");

        given(library.share(VIEWER, PLAYLIST)).willThrow(LibraryProblems.notYours());
        assertProblem(mvc.post().uri("/api/v1/playlists/" + PLAYLIST + "/share").with(user()).exchange(), 403,
                "forbidden");

        given(library.reorder(eq(VIEWER), eq(PLAYLIST), eq(null), any())).willThrow(
                InvalidFieldsException.of("itemIds", "must list every item of the playlist exactly once"));
        assertInvalidFields(send(mvc.put().uri("/api/v1/playlists/" + PLAYLIST + "/items/order"), null,
                "{\"itemIds\":[]}"), "itemIds");
    }

    @Test
    void addsATrackAtTheGivenPositionUnderTheVersionRead() {
        UUID track = UUID.randomUUID();
        PlaylistView view = new PlaylistView(PLAYLIST, USER, "Mix", null, false, List.of(), NOW, NOW, 4, null);
        given(library.add(VIEWER, PLAYLIST, 3L, track, 0)).willReturn(view);
        assertThat(send(mvc.post().uri("/api/v1/playlists/" + PLAYLIST + "/items"), "\"3\"",
                "{\"trackId\":\"" + track + "\",\"position\":0}")).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"4\"");
        verify(library).add(VIEWER, PLAYLIST, 3L, track, 0);
    }

    @Test
    void sharingAnswersTheTokenAndItsPath() {
        given(library.share(VIEWER, PLAYLIST)).willReturn("tok");
        assertThat(mvc.post().uri("/api/v1/playlists/" + PLAYLIST + "/share").with(user()).exchange()).hasStatusOk()
                .bodyJson().extractingPath("$.path").isEqualTo("/api/v1/playlists/shared/tok");
    }

    private MvcTestResult send(MockMvcTester.MockMvcRequestBuilder request, String ifMatch, String body) {
        MockMvcTester.MockMvcRequestBuilder built = request.with(user()).contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return (ifMatch == null ? built : built.header(HttpHeaders.IF_MATCH, ifMatch)).exchange();
    }

    private static RequestPostProcessor user() {
        return jwt().jwt(token -> token.subject(USER.toString())).authorities(new SimpleGrantedAuthority("ROLE_USER"));
    }
}
