package dev.encore.library.video;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static dev.encore.support.MvcProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.ErrorResponseException;

import dev.encore.library.VideoLibrary;
import dev.encore.library.Viewer;
import dev.encore.library.content.LibraryProblems;
import dev.encore.platform.Problems;
import dev.encore.support.EncoreWebMvcTest;

@EncoreWebMvcTest
@Import(VideoProcessingController.class)
class VideoProcessingControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID VIDEO = UUID.randomUUID();
    private static final Viewer VIEWER = new Viewer(USER, false);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    VideoLibrary library;

    @Test
    void aRerunIsAcceptedWithTheVideosLocation() {
        given(library.reprocess(VIEWER, VIDEO)).willReturn(mock(VideoView.class, invocation -> null));
        var result = mvc.post().uri("/api/v1/videos/" + VIDEO + "/processing").with(user()).exchange();
        assertThat(result).hasStatus(HttpStatus.ACCEPTED);
        assertThat(result).headers().hasValue("Location", "/api/v1/videos/" + VIDEO);
    }

    @Test
    void mapsTheLibrarysRefusals() {
        given(library.cancelProcessing(VIEWER, VIDEO)).willThrow(conflict());
        assertProblem(mvc.delete().uri("/api/v1/videos/" + VIDEO + "/processing").with(user()).exchange(), 409,
                "conflict");
        given(library.reprocess(VIEWER, VIDEO)).willThrow(LibraryProblems.notYours());
        assertProblem(mvc.post().uri("/api/v1/videos/" + VIDEO + "/processing").with(user()).exchange(), 403,
                "forbidden");
        UUID missing = UUID.randomUUID();
        given(library.cancelProcessing(VIEWER, missing)).willThrow(LibraryProblems.notFound("video"));
        assertProblem(mvc.delete().uri("/api/v1/videos/" + missing + "/processing").with(user()).exchange(), 404,
                "not-found");
    }

    @Test
    void strangersAndIdsThatAreNoIdsAreRefusedBeforeTheLibrary() {
        assertProblem(mvc.delete().uri("/api/v1/videos/" + VIDEO + "/processing").exchange(), 401, "unauthenticated");
        assertInvalidFields(mvc.post().uri("/api/v1/videos/not-an-id/processing").with(user()).exchange(), "id");
        verifyNoInteractions(library);
    }

    private static ErrorResponseException conflict() {
        return new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "conflict",
                "Conflict", "The video is not being processed."), null);
    }

    private static RequestPostProcessor user() {
        return jwt().jwt(token -> token.subject(USER.toString())).authorities(new SimpleGrantedAuthority("ROLE_USER"));
    }
}
