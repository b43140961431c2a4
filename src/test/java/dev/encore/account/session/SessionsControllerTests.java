package dev.encore.account.session;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static dev.encore.support.MvcProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.encore.account.user.AccountNotFoundException;
import dev.encore.support.EncoreWebMvcTest;

@EncoreWebMvcTest
@Import(SessionsController.class)
class SessionsControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    DeviceSessions sessions;

    @Test
    void listsMySessionsMarkingTheOneOfThisToken() {
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        given(sessions.list(USER, SESSION)).willReturn(List.of(
                new DeviceSessions.SessionView(SESSION, at, at, "EncoreTest/1.0", "127.0.0.1", true),
                new DeviceSessions.SessionView(UUID.randomUUID(), at, at, "Phone", "127.0.0.2", false)));
        MvcTestResult result = mvc.get().uri("/api/v1/me/sessions").with(me()).exchange();
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$[0].current").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$[1].userAgent").isEqualTo("Phone");
    }

    @Test
    void signsOutEveryOtherSessionKeepingThisOne() {
        assertThat(mvc.delete().uri("/api/v1/me/sessions").with(me()).exchange()).hasStatus(204);
        verify(sessions).revokeOthers(USER, SESSION);
    }

    @Test
    void aSessionIdThatIsNoIdIsAnInvalidField() {
        assertInvalidFields(mvc.delete().uri("/api/v1/me/sessions/not-an-id").with(me()).exchange(), "id");
        verifyNoInteractions(sessions);
    }

    @Test
    void someoneElsesOrAnEndedSessionIsNotFound() {
        UUID theirs = UUID.randomUUID();
        willThrow(AccountNotFoundException.session()).given(sessions).revoke(USER, theirs);
        assertProblem(mvc.delete().uri("/api/v1/me/sessions/" + theirs).with(me()).exchange(), 404, "not-found");
    }

    @Test
    void needsASignIn() {
        assertProblem(mvc.get().uri("/api/v1/me/sessions").exchange(), 401, "unauthenticated");
        assertProblem(mvc.delete().uri("/api/v1/me/sessions").exchange(), 401, "unauthenticated");
        verifyNoInteractions(sessions);
    }

    private static RequestPostProcessor me() {
        return jwt().jwt(token -> token.subject(USER.toString()).claim("sid", SESSION.toString()));
    }
}
