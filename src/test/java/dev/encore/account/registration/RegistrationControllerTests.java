package dev.encore.account.registration;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static dev.encore.support.MvcProblemAssert.assertProblem;
import static dev.encore.support.MvcProblemAssert.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import dev.encore.account.password.PasswordRules;
import dev.encore.account.user.AccountConflictException;
import dev.encore.account.user.UserView;
import dev.encore.support.EncoreWebMvcTest;

@EncoreWebMvcTest
@Import({ RegistrationController.class, RegisterRequestRules.class, PasswordRules.class })
class RegistrationControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Registration registration;

    @Test
    void answers201WithTheAccountAndWhereAdminsFindIt() {
        UserView user = new UserView(UUID.randomUUID(), "dj_shadow", "dj@example.org", null, List.of("USER"), true,
                false, Instant.parse("2026-03-01T12:00:00Z"));
        given(registration.register(any())).willReturn(user);
        MvcTestResult result = register("dj_shadow", "dj@example.org", "Correct-Horse-42");
        assertThat(result).hasStatus(201).hasHeader("Location", "/api/v1/admin/users/" + user.id());
        assertThat(result).bodyJson().extractingPath("$.username").isEqualTo("dj_shadow");
    }

    @Test
    void reportsEveryInvalidFieldOnceInOneAnswerWithoutRegistering() {
        JsonNode problem = assertInvalidFields(register("ab", "not-an-email", "lowercase"), "username", "email",
                "password");
        assertThat(messages(problem, "password")).as("the policy's rules next to the annotations'")
                .contains("must contain an upper-case letter", "must contain a digit").doesNotHaveDuplicates();
        verifyNoInteractions(registration);
    }

    @Test
    void refusesAPasswordContainingTheUsername() {
        JsonNode problem = assertInvalidFields(register("dj_shadow", "dj@example.org", "X9DJ_SHADOWy"), "password");
        assertThat(messages(problem, "password")).containsExactly("must not contain the username");
        verifyNoInteractions(registration);
    }

    @Test
    void refusesMissingFields() {
        assertInvalidFields(mvc.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .content("{}").exchange(), "username", "email", "password");
        verifyNoInteractions(registration);
    }

    @Test
    void refusesABodyThatIsNotJson() {
        assertProblem(mvc.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":").exchange(), 400, "malformed-request");
        verifyNoInteractions(registration);
    }

    @Test
    void aWrongAdminKeyIsForbidden() {
        given(registration.register(any())).willThrow(new InvalidAdminKeyException());
        assertProblem(register("dj_shadow", "dj@example.org", "Correct-Horse-42"), 403, "invalid-admin-key");
    }

    @Test
    void aSpentBootstrapKeyIsForbidden() {
        given(registration.register(any())).willThrow(new AdminKeySpentException());
        assertProblem(register("dj_shadow", "dj@example.org", "Correct-Horse-42"), 403, "admin-key-spent");
    }

    @Test
    void aTakenNameIsAConflictNamingTheField() {
        given(registration.register(any())).willThrow(AccountConflictException.taken(List.of("username")));
        JsonNode problem = assertProblem(register("dj_shadow", "dj@example.org", "Correct-Horse-42"), 409,
                "account-exists");
        assertThat(messages(problem, "username")).containsExactly("is already taken");
    }

    private MvcTestResult register(String username, String email, String password) {
        return mvc.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"password\":\"" + password
                        + "\"}")
                .exchange();
    }
}
