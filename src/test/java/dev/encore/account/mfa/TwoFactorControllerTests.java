package dev.encore.account.mfa;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static dev.encore.support.MvcProblemAssert.assertProblem;
import static dev.encore.support.MvcProblemAssert.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
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

import dev.encore.account.user.AccountConflictException;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.RateLimitExceededException;
import dev.encore.platform.RateLimitStatus;
import dev.encore.support.EncoreWebMvcTest;

@EncoreWebMvcTest
@Import(TwoFactorController.class)
class TwoFactorControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final String PASSWORD = "Correct-Horse-9";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SecondFactor secondFactor;

    @Test
    void startsAnEnrolmentWithThePassword() {
        given(secondFactor.start(eq(USER), any(), eq(PASSWORD)))
                .willReturn(new SecondFactor.Enrolment("ABC", "otpauth://totp/Encore:dj?secret=ABC"));
        assertThat(start(PASSWORD)).hasStatusOk().bodyJson().extractingPath("$.secret").isEqualTo("ABC");
    }

    @Test
    void anEnrolmentWithoutAPasswordIsTheFacadesToJudge() { // an account without one re-authenticates instead
        given(secondFactor.start(eq(USER), any(), isNull()))
                .willThrow(InvalidFieldsException.of("password", "must not be blank"));
        JsonNode problem = assertInvalidFields(mvc.post().uri("/api/v1/me/mfa/totp").with(me()).exchange(), "password");
        assertThat(messages(problem, "password")).containsExactly("must not be blank");
        assertInvalidFields(json(mvc.post().uri("/api/v1/me/mfa/totp").with(me()), "{}").exchange(), "password");
    }

    @Test
    void aBlankOrOverlongPasswordIsRefusedBeforeTheFacade() {
        assertInvalidFields(start(" "), "password");
        assertInvalidFields(start("p".repeat(129)), "password");
        verifyNoInteractions(secondFactor);
    }

    @Test
    void aWrongPasswordIsNamed() {
        given(secondFactor.start(eq(USER), any(), eq("Wrong-Pass-1"))).willThrow(InvalidFieldsException.of("password", "is not correct"));
        assertThat(messages(assertInvalidFields(start("Wrong-Pass-1"), "password"), "password"))
                .containsExactly("is not correct");
    }

    @Test
    void tooManyWrongPasswordsAre429() {
        given(secondFactor.start(eq(USER), any(), eq(PASSWORD))).willThrow(RateLimitExceededException.of(new RateLimitStatus(10, 0, 900, 900, false)));
        assertProblem(start(PASSWORD), 429, "rate-limited");
    }

    @Test
    void anEnrolmentWhileTwoFactorIsOnIsAConflict() {
        given(secondFactor.start(eq(USER), any(), eq(PASSWORD))).willThrow(AccountConflictException.mfaAlreadyEnabled());
        assertProblem(start(PASSWORD), 409, "mfa-already-enabled");
    }

    @Test
    void confirmingAnswersTheRecoveryCodes() {
        given(secondFactor.confirm(USER, "123456")).willReturn(List.of("abcd-efgh-ijkl-mnop"));
        assertThat(confirm("123456")).hasStatusOk().bodyJson().extractingPath("$.recoveryCodes[0]")
                .isEqualTo("abcd-efgh-ijkl-mnop");
    }

    @Test
    void aCodeIsRequiredAndShort() {
        assertInvalidFields(json(mvc.post().uri("/api/v1/me/mfa/totp/confirm").with(me()), "{}").exchange(), "code");
        assertInvalidFields(confirm("1".repeat(33)), "code");
        assertInvalidFields(json(mvc.delete().uri("/api/v1/me/mfa/totp").with(me()), "{\"code\":\" \"}").exchange(),
                "code");
        verifyNoInteractions(secondFactor);
    }

    @Test
    void aWrongCodeIs401() {
        given(secondFactor.confirm(USER, "000000")).willThrow(new InvalidMfaCodeException());
        assertProblem(confirm("000000"), 401, "invalid-mfa-code");
    }

    @Test
    void confirmingWithoutAStartedEnrolmentIsAConflict() {
        given(secondFactor.confirm(USER, "123456")).willThrow(AccountConflictException.mfaNotStarted());
        assertProblem(confirm("123456"), 409, "mfa-not-started");
    }

    @Test
    void turningOffWhatIsOffIsAConflict() {
        willThrow(AccountConflictException.mfaNotEnabled()).given(secondFactor).disable(USER, "123456");
        assertProblem(json(mvc.delete().uri("/api/v1/me/mfa/totp").with(me()), "{\"code\":\"123456\"}").exchange(),
                409, "mfa-not-enabled");
    }

    @Test
    void needsASignIn() {
        assertProblem(mvc.post().uri("/api/v1/me/mfa/totp").exchange(), 401, "unauthenticated");
        verifyNoInteractions(secondFactor);
    }

    private MvcTestResult start(String password) {
        return json(mvc.post().uri("/api/v1/me/mfa/totp").with(me()), "{\"password\":\"" + password + "\"}").exchange();
    }

    private MvcTestResult confirm(String code) {
        return json(mvc.post().uri("/api/v1/me/mfa/totp/confirm").with(me()), "{\"code\":\"" + code + "\"}").exchange();
    }

    private static MockMvcTester.MockMvcRequestBuilder json(MockMvcTester.MockMvcRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static RequestPostProcessor me() {
        return jwt().jwt(token -> token.subject(USER.toString()));
    }
}
