package dev.encore.live.premiere;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static dev.encore.support.MvcProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.encore.library.Viewer;
import dev.encore.support.EncoreWebMvcTest;

@EncoreWebMvcTest
@Import(PremieresController.class)
class PremieresControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID VIDEO = UUID.randomUUID();
    private static final Viewer VIEWER = new Viewer(USER, false);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PremierePlanner planner;

    @Test
    void aScheduledPremiereIsCreatedWithItsLocation() {
        UUID id = UUID.randomUUID();
        Instant startsAt = Instant.parse("2027-01-01T20:00:00Z");
        given(planner.create(eq(VIEWER), any())).willReturn(new PremiereView(id, VIDEO, USER, "Launch", null,
                PremiereState.SCHEDULED, startsAt, startsAt.plusSeconds(60), Instant.now(), 1000, null, null, 0, 0,
                Instant.now(), null));
        var result = mvc.post().uri("/api/v1/premieres").with(user()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"videoId\":\"" + VIDEO + "\",\"startsAt\":\"" + startsAt + "\"}").exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).headers().hasValue("Location", "/api/v1/premieres/" + id);
        assertThat(result).bodyJson().extractingPath("$.state").isEqualTo("scheduled");
    }

    @Test
    void badShapesAreRefusedBeforeThePlanner() {
        assertInvalidFields(post("{\"videoId\":\"" + VIDEO + "\",\"title\":\"" + "t".repeat(256) + "\"}"), "title");
        assertInvalidFields(post("{\"videoId\":\"" + VIDEO + "\",\"description\":\"" + "d".repeat(5001) + "\"}"),
                "description");
        assertInvalidFields(post("{\"videoId\":\"" + VIDEO + "\",\"title\":\"t\\r\\nX: y\","
                + "\"description\":\"two\\nlines\\u001b[2J\"}"), "title", "description");
        assertProblem(post("{\"videoId\":\"" + VIDEO + "\",\"startsAt\":\"tonight\"}"), 400, "malformed-request");
        assertProblem(post("{\"videoId\":\"not-an-id\"}"), 400, "malformed-request");
        assertInvalidFields(mvc.get().uri("/api/v1/premieres/mine?sort=title").with(user()).exchange(), "sort");
        assertInvalidFields(mvc.get().uri("/api/v1/premieres?size=101").with(user()).exchange(), "size");
        assertProblem(mvc.get().uri("/api/v1/premieres/" + VIDEO).exchange(), 401, "unauthenticated");
        verifyNoInteractions(planner);
    }

    @Test
    void instantsPastTheYear9999AreRefusedBeforeThePlanner() {
        UUID id = UUID.randomUUID();
        for (String far : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+300000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z")) {
            assertInvalidFields(post("{\"videoId\":\"" + VIDEO + "\",\"startsAt\":\"2026-12-06T00:00:00Z\","
                    + "\"endsAt\":\"" + far + "\"}"), "endsAt");
            assertInvalidFields(post("{\"videoId\":\"" + VIDEO + "\",\"startsAt\":\"" + far + "\"}"), "startsAt");
            assertInvalidFields(mvc.patch().uri("/api/v1/premieres/" + id).with(user())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"endsAt\":\"" + far + "\"}").exchange(),
                    "endsAt");
        }
        verifyNoInteractions(planner);
    }

    @Test
    void mapsThePlannersRefusals() {
        given(planner.create(eq(VIEWER), any())).willThrow(PremiereProblems.videoNotReady());
        assertProblem(post("{\"videoId\":\"" + VIDEO + "\",\"startsAt\":\"2027-01-01T20:00:00Z\"}"), 409,
                "video-not-ready");
        UUID id = UUID.randomUUID();
        given(planner.update(eq(VIEWER), eq(id), any())).willThrow(PremiereProblems.conflict("started"));
        assertProblem(mvc.patch().uri("/api/v1/premieres/" + id).with(user()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Later\"}").exchange(), 409, "conflict");
        given(planner.get(VIEWER, id)).willThrow(PremiereProblems.notFound());
        assertProblem(mvc.get().uri("/api/v1/premieres/" + id).with(user()).exchange(), 404, "not-found");
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult post(String json) {
        return mvc.post().uri("/api/v1/premieres").with(user()).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    private static RequestPostProcessor user() {
        return jwt().jwt(token -> token.subject(USER.toString())).authorities(new SimpleGrantedAuthority("ROLE_USER"));
    }
}
