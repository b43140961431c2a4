package dev.encore.account.signin;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static dev.encore.support.MvcProblemAssert.assertProblem;
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

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.encore.account.session.AccountProperties;
import dev.encore.account.session.DeviceSessions;
import dev.encore.account.session.SignedIn;
import dev.encore.account.session.TokenRefresh;
import dev.encore.account.user.UserView;
import dev.encore.platform.RateLimitExceededException;
import dev.encore.platform.RateLimitStatus;
import dev.encore.support.EncoreWebMvcTest;

@EncoreWebMvcTest
@Import({ AuthController.class, BrowserOrigins.class, RefreshCookie.class })
@EnableConfigurationProperties(AccountProperties.class)
class AuthControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private static final String ALLOWED_ORIGIN = "https://app.example.org"; // encore.security.allowed-origins

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SignIn signIn;

    @MockitoBean
    TokenRefresh tokens;

    @MockitoBean
    DeviceSessions sessions;

    @Test
    void answersBothTokensInTheBody() {
        given(signIn.login(any(), any())).willReturn(signedIn("refresh-1"));
        MvcTestResult result = login("dj", "Correct-Horse-42", "");
        assertThat(result).hasStatusOk().doesNotContainHeader("Set-Cookie");
        assertThat(result).bodyJson().extractingPath("$.tokenType").isEqualTo("Bearer");
        assertThat(result).bodyJson().extractingPath("$.expiresIn").isEqualTo(900);
        assertThat(result).bodyJson().extractingPath("$.refreshToken").isEqualTo("refresh-1");
        assertThat(result).bodyJson().extractingPath("$.sessionId").isEqualTo(SESSION.toString());
    }

    @Test
    void cookieModeSetsAStrictHttpOnlyCookieAndLeavesTheRefreshTokenOutOfTheBody() {
        given(signIn.login(any(), any())).willReturn(signedIn("refresh-1"));
        MvcTestResult result = login("dj", "Correct-Horse-42", "?cookie=true");
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Set-Cookie")).startsWith("encore_refresh=refresh-1;")
                .contains("HttpOnly", "SameSite=Strict", "Path=/api/v1/auth", "Max-Age=2592000")
                .doesNotContain("Secure");
        assertThat(result).bodyJson().doesNotHavePath("$.refreshToken");
    }

    @Test
    void refusesMissingAndOverlongCredentialsWithoutTryingThem() {
        assertInvalidFields(mvc.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).content("{}")
                .exchange(), "identifier", "password");
        assertInvalidFields(login("x".repeat(255), "p".repeat(129), ""), "identifier", "password");
        verifyNoInteractions(signIn);
    }

    @Test
    void wrongCredentialsAre401() {
        given(signIn.login(any(), any())).willThrow(new InvalidCredentialsException());
        assertProblem(login("dj", "Wrong-Pass-99", ""), 401, "invalid-credentials");
    }

    @Test
    void aDisabledAccountIs403() {
        given(signIn.login(any(), any())).willThrow(new AccountDisabledException());
        assertProblem(login("dj", "Correct-Horse-42", ""), 403, "account-disabled");
    }

    @Test
    void aThrottledLoginIs429WithRetryAfter() {
        given(signIn.login(any(), any()))
                .willThrow(RateLimitExceededException.of(new RateLimitStatus(10, 0, 900, 600, false)));
        MvcTestResult result = login("dj", "Correct-Horse-42", "");
        assertProblem(result, 429, "rate-limited");
        assertThat(result).hasHeader("Retry-After", "600");
    }

    @Test
    void aCookieRefreshNeedsAnAllowedOriginBeforeTheTokenIsTouched() {
        assertProblem(mvc.post().uri("/api/v1/auth/refresh").cookie(new Cookie("encore_refresh", "refresh-1"))
                .exchange(), 403, "origin-refused");
        // a foreign origin does not even reach the controller: CORS refuses it first
        assertProblem(mvc.post().uri("/api/v1/auth/refresh").cookie(new Cookie("encore_refresh", "refresh-1"))
                .header("Origin", "https://evil.example.com").exchange(), 403, "cors-rejected");
        verifyNoInteractions(tokens);
    }

    @Test
    void aRefreshWithNoTokenAtAllIsAMissingTokenNotARefusedOrigin() {
        // a script or app that forgot the body: 'origin-refused' sent it looking for a CORS problem
        assertProblem(mvc.post().uri("/api/v1/auth/refresh").exchange(), 401, "invalid-refresh-token");
        assertProblem(mvc.post().uri("/api/v1/auth/refresh").contentType("application/json").content("{}").exchange(),
                401, "invalid-refresh-token");
        verifyNoInteractions(tokens);
    }

    @Test
    void aCookieRefreshFromAnAllowedOriginAnswersWithANewCookie() {
        given(tokens.refresh(eq("refresh-1"), any())).willReturn(signedIn("refresh-2"));
        MvcTestResult result = mvc.post().uri("/api/v1/auth/refresh").cookie(new Cookie("encore_refresh", "refresh-1"))
                .header("Origin", ALLOWED_ORIGIN).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Set-Cookie")).startsWith("encore_refresh=refresh-2;");
        assertThat(result).bodyJson().doesNotHavePath("$.refreshToken");
    }

    @Test
    void aCookieRefreshFromThePageEncoreServedItselfNeedsNoConfiguredOrigin() {
        // the web app reached at an address that is not encore.public-url (a LAN IP, another name)
        given(tokens.refresh(eq("refresh-1"), any())).willReturn(signedIn("refresh-2"));
        MvcTestResult result = mvc.post().uri("http://192.168.1.20:8080/api/v1/auth/refresh")
                .cookie(new Cookie("encore_refresh", "refresh-1")).header("Origin", "http://192.168.1.20:8080").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader("Set-Cookie")).startsWith("encore_refresh=refresh-2;");
    }

    @Test
    void aCookieRefreshFromAnotherPortOrSchemeOfTheSameHostIsForeign() {
        for (String origin : new String[] { "http://192.168.1.20:8081", "https://192.168.1.20:8080", "null" }) {
            MvcTestResult result = mvc.post().uri("http://192.168.1.20:8080/api/v1/auth/refresh")
                    .cookie(new Cookie("encore_refresh", "refresh-1")).header("Origin", origin).exchange();
            assertThat(result.getResponse().getStatus()).as(origin).isEqualTo(403);
        }
        verifyNoInteractions(tokens);
    }

    @Test
    void refusesAnOverlongOrMalformedRefreshBody() {
        assertInvalidFields(mvc.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .content("{\"refreshToken\":\"" + "r".repeat(129) + "\"}").exchange(), "refreshToken");
        assertProblem(mvc.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .content("{\"refreshToken\":").exchange(), 400, "malformed-request");
        verifyNoInteractions(tokens);
    }

    @Test
    void logoutNeedsAnAccessToken() {
        MvcTestResult anonymous = mvc.post().uri("/api/v1/auth/logout").exchange();
        assertProblem(anonymous, 401, "unauthenticated");
        assertThat(anonymous).hasHeader("WWW-Authenticate", "Bearer");
        MvcTestResult forged = mvc.post().uri("/api/v1/auth/logout").header("Authorization", "Bearer not.a.jwt")
                .exchange();
        assertProblem(forged, 401, "unauthenticated");
        assertThat(forged).hasHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        verifyNoInteractions(sessions);
    }

    @Test
    void logoutEndsTheCallersSessionAndClearsTheCookie() {
        Instant expires = Instant.parse("2026-03-01T12:15:00Z");
        MvcTestResult result = mvc.post().uri("/api/v1/auth/logout").with(jwt().jwt(token -> token
                .subject(USER.toString()).claim("sid", SESSION.toString()).jti("token-1").expiresAt(expires)))
                .exchange();
        assertThat(result).hasStatus(204);
        assertThat(result.getResponse().getHeader("Set-Cookie")).startsWith("encore_refresh=;").contains("Max-Age=0");
        verify(sessions).logout(USER, SESSION, "token-1", expires);
    }

    private MvcTestResult login(String identifier, String password, String query) {
        return mvc.post().uri("/api/v1/auth/login" + query).contentType(MediaType.APPLICATION_JSON)
                .content("{\"identifier\":\"" + identifier + "\",\"password\":\"" + password + "\"}").exchange();
    }

    private static SignedIn signedIn(String refreshToken) {
        UserView user = new UserView(USER, "dj", "dj@example.org", null, List.of("USER"), true, false,
                Instant.parse("2026-03-01T12:00:00Z"));
        return new SignedIn("access-token", Instant.parse("2026-03-01T12:15:00Z"), refreshToken, SESSION, user);
    }
}
