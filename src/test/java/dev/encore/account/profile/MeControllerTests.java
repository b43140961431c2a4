package dev.encore.account.profile;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static dev.encore.support.MvcProblemAssert.assertProblem;
import static dev.encore.support.MvcProblemAssert.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import dev.encore.account.password.PasswordRules;
import dev.encore.account.user.AccountConflictException;
import dev.encore.account.user.AccountNotFoundException;
import dev.encore.account.user.UserAccounts;
import dev.encore.account.user.UserView;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.support.EncoreWebMvcTest;

@EncoreWebMvcTest
@Import({ MeController.class, ChangePasswordRequestRules.class, PasswordRules.class })
class MeControllerTests {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private static final UserView ME = new UserView(USER, "dj_shadow", "dj@example.org", null, List.of("USER"), true,
            false, Instant.parse("2026-03-01T12:00:00Z"));

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JwtEncoder tokens;

    @MockitoBean
    MyAccount account;

    @MockitoBean
    PasswordChange passwords;

    @MockitoBean
    UserAccounts accounts;

    @Test
    void showsMyAccountToABearerOfAValidToken() {
        given(account.me(USER)).willReturn(ME);
        MvcTestResult result = mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token(Instant.now()))
                .exchange();
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.username").isEqualTo("dj_shadow");
    }

    @Test
    void refusesAnExpiredToken() {
        MvcTestResult result = mvc.get().uri("/api/v1/me")
                .header("Authorization", "Bearer " + token(Instant.now().minusSeconds(3600))).exchange();
        assertProblem(result, 401, "unauthenticated");
        assertThat(result).hasHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        verifyNoInteractions(account);
    }

    @Test
    void everyPathNeedsASignIn() {
        assertProblem(mvc.get().uri("/api/v1/me").exchange(), 401, "unauthenticated");
        assertProblem(json(mvc.patch().uri("/api/v1/me"), "{}").exchange(), 401, "unauthenticated");
        assertProblem(json(mvc.post().uri("/api/v1/me/password"), "{}").exchange(), 401, "unauthenticated");
        assertProblem(json(mvc.delete().uri("/api/v1/me"), "{}").exchange(), 401, "unauthenticated");
        verifyNoInteractions(account, passwords);
    }

    @Test
    void refusesABadEmailAndAnOverlongDisplayNameTogether() {
        assertInvalidFields(json(mvc.patch().uri("/api/v1/me").with(me()),
                "{\"email\":\"nope\",\"displayName\":\"" + "x".repeat(101) + "\"}").exchange(), "email", "displayName");
        verifyNoInteractions(account);
    }

    @Test
    void refusesAnEmptyOrBlankEmailInsteadOfClearingTheAddress() {
        for (String email : List.of("", "   ")) {
            JsonNode problem = assertInvalidFields(json(mvc.patch().uri("/api/v1/me").with(me()),
                    "{\"email\":\"" + email + "\"}").exchange(), "email");
            assertThat(messages(problem, "email")).contains("must be a valid email address; leave it out to keep yours");
        }
        verifyNoInteractions(account);
    }

    @Test
    void refusesControlCharactersInTheDisplayName() {
        JsonNode problem = assertInvalidFields(json(mvc.patch().uri("/api/v1/me").with(me()),
                "{\"displayName\":\"DJ\\r\\nShadow\"}").exchange(), "displayName");
        assertThat(messages(problem, "displayName"))
                .containsExactly("must not contain control, invisible or unassigned characters (U+000D)");
        verifyNoInteractions(account);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "200B", "200C", "200D", "2060", "FEFF", "3164", "202E",
            "2067", "00AD", "E000", "0378" })
    void refusesInvisibleAndLookAlikeCharactersInTheDisplayNameAndEmail(String codePoint) {
        String hidden = "\\u" + codePoint;
        JsonNode problem = assertInvalidFields(json(mvc.patch().uri("/api/v1/me").with(me()),
                "{\"displayName\":\"ali" + hidden + "ce\",\"email\":\"ali" + hidden + "ce@example.org\"}").exchange(),
                "displayName", "email");
        assertThat(messages(problem, "displayName"))
                .containsExactly("must not contain control, invisible or unassigned characters (U+" + codePoint + ")");
        assertThat(messages(problem, "email"))
                .contains("must not contain control, invisible or unassigned characters (U+" + codePoint + ")");
        verifyNoInteractions(account);
    }

    @Test
    void keepsVisibleNonLatinNamesAndEmoji() {
        given(account.updateProfile(USER, "Zoë 李 \uD83C\uDFB5", null)).willReturn(ME);
        assertThat(json(mvc.patch().uri("/api/v1/me").with(me()), "{\"displayName\":\"Zoë 李 \\uD83C\\uDFB5\"}")
                .exchange()).hasStatusOk();
    }

    @Test
    void refusesANulCharacterInTheDisplayNameAsAFieldError() {
        JsonNode problem = assertInvalidFields(json(mvc.patch().uri("/api/v1/me").with(me()),
                "{\"displayName\":\"DJ\\u0000Shadow\"}").exchange(), "displayName");
        assertThat(messages(problem, "displayName")).containsExactly("must not contain NUL characters");
        verifyNoInteractions(account);
    }

    @Test
    void anEmailOfAnotherAccountIsAConflictNamingTheField() {
        given(account.updateProfile(USER, null, "taken@example.org"))
                .willThrow(AccountConflictException.taken(List.of("email")));
        JsonNode problem = assertProblem(json(mvc.patch().uri("/api/v1/me").with(me()),
                "{\"email\":\"taken@example.org\"}").exchange(), 409, "account-exists");
        assertThat(messages(problem, "email")).containsExactly("is already taken");
    }

    @Test
    void aPasswordChangeHearsOfTheMissingCurrentAndTheWeakNewPasswordAtOnce() {
        given(accounts.find(USER)).willReturn(Optional.of(ME));
        JsonNode problem = assertInvalidFields(json(mvc.post().uri("/api/v1/me/password").with(me()),
                "{\"currentPassword\":\"\",\"newPassword\":\"X1dj_shadow\"}").exchange(), "currentPassword",
                "newPassword");
        assertThat(messages(problem, "newPassword")).containsExactly("must not contain the username");
        verifyNoInteractions(passwords);
    }

    @Test
    void aWrongCurrentPasswordIsAnInvalidField() {
        given(accounts.find(USER)).willReturn(Optional.of(ME));
        org.mockito.BDDMockito.willThrow(InvalidFieldsException.of("currentPassword", "is not correct"))
                .given(passwords).change(eq(USER), eq(SESSION), any(), any());
        JsonNode problem = assertInvalidFields(json(mvc.post().uri("/api/v1/me/password").with(me()),
                "{\"currentPassword\":\"Not-The-One-1\",\"newPassword\":\"Brand-New-Pass-7\"}").exchange(),
                "currentPassword");
        assertThat(messages(problem, "currentPassword")).containsExactly("is not correct");
    }

    @Test
    void deletingNeedsABody() {
        assertProblem(mvc.delete().uri("/api/v1/me").with(me()).exchange(), 400, "malformed-request");
        assertInvalidFields(json(mvc.delete().uri("/api/v1/me").with(me()), "{\"password\":\" \"}").exchange(),
                "password"); // left out is for an account without a password: the facade decides
        verifyNoInteractions(account);
    }

    @Test
    void anAccountDeletedMeanwhileIsNotFound() {
        given(account.me(USER)).willThrow(AccountNotFoundException.user());
        assertProblem(mvc.get().uri("/api/v1/me").with(me()).exchange(), 404, "not-found");
    }

    private static RequestPostProcessor me() {
        return jwt().jwt(token -> token.subject(USER.toString()).claim("sid", SESSION.toString()));
    }

    private static MockMvcTester.MockMvcRequestBuilder json(MockMvcTester.MockMvcRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** An access token as Encore issues them, signed with the slice's key, issued at {@code issuedAt}. */
    private String token(Instant issuedAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(USER.toString()).issuedAt(issuedAt)
                .expiresAt(issuedAt.plusSeconds(900)).id(UUID.randomUUID().toString())
                .claim("sid", SESSION.toString()).claim("roles", List.of("USER")).build();
        return tokens.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
