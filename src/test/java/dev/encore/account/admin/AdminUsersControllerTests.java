package dev.encore.account.admin;

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
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.encore.account.user.AccountConflictException;
import dev.encore.account.user.AccountNotFoundException;
import dev.encore.platform.PageResponse;
import dev.encore.support.EncoreWebMvcTest;

@EncoreWebMvcTest
@Import(AdminUsersController.class)
class AdminUsersControllerTests {

    private static final UUID ADMIN = UUID.randomUUID();
    private static final UUID TARGET = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    UserAdministration administration;

    @Test
    void listsAccountsForAdmins() {
        AdminUserView user = new AdminUserView(TARGET, "dj", "dj@example.org", null, List.of("USER"), true, false,
                Instant.parse("2026-03-01T12:00:00Z"), false);
        given(administration.search(eq("dj"), any()))
                .willReturn(PageResponse.from(new PageImpl<>(List.of(user), PageRequest.of(0, 20), 1), view -> view));
        MvcTestResult result = mvc.get().uri("/api/v1/admin/users?q=dj").with(admin()).exchange();
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.items[0].username").isEqualTo("dj");
    }

    @Test
    void usersAreForbiddenAndStrangersUnauthenticated() {
        assertProblem(mvc.get().uri("/api/v1/admin/users").with(user()).exchange(), 403, "forbidden");
        assertProblem(patch(TARGET.toString(), "{\"enabled\":false}").with(user()).exchange(), 403, "forbidden");
        assertProblem(mvc.get().uri("/api/v1/admin/users").exchange(), 401, "unauthenticated");
        verifyNoInteractions(administration);
    }

    @Test
    void refusesBadPagingSortingAndSearches() {
        assertInvalidFields(mvc.get().uri("/api/v1/admin/users?page=-1").with(admin()).exchange(), "page");
        // each error names its own query parameter, not the object the parameters are bound to
        assertInvalidFields(mvc.get().uri("/api/v1/admin/users?size=0").with(admin()).exchange(), "size");
        assertInvalidFields(mvc.get().uri("/api/v1/admin/users?page=-1&size=101").with(admin()).exchange(),
                "page", "size");
        assertInvalidFields(mvc.get().uri("/api/v1/admin/users?sort=passwordHash").with(admin()).exchange(), "sort");
        assertInvalidFields(mvc.get().uri("/api/v1/admin/users?q=" + "q".repeat(101)).with(admin()).exchange(), "q");
        // the row offset (page × size) of a huge page overflowed the query: the bound is named instead
        assertThat(messages(assertInvalidFields(mvc.get().uri("/api/v1/admin/users?page=2147483647").with(admin())
                .exchange(), "page"), "page")).containsExactly("must be between 0 and 1000000");
        verifyNoInteractions(administration);
    }

    @Test
    void refusesUnknownRolesAndIdsThatAreNoIds() {
        assertInvalidFields(patch(TARGET.toString(), "{\"roles\":[\"ROOT\"]}").with(admin()).exchange(), "roles[0]");
        assertInvalidFields(patch(TARGET.toString(), "{\"roles\":[]}").with(admin()).exchange(), "roles");
        assertInvalidFields(patch("42", "{\"enabled\":true}").with(admin()).exchange(), "id");
        verifyNoInteractions(administration);
    }

    @Test
    void theRoleListSaysWhetherTheAccountIsAnAdmin() {
        assertThat(patch(TARGET.toString(), "{\"roles\":[\"USER\",\"ADMIN\"]}").with(admin()).exchange()).hasStatusOk();
        verify(administration).update(ADMIN, TARGET, null, true);
        assertThat(patch(TARGET.toString(), "{\"enabled\":false,\"roles\":[\"USER\"]}").with(admin()).exchange())
                .hasStatusOk();
        verify(administration).update(ADMIN, TARGET, false, false);
    }

    @Test
    void theLastAdminIsAConflict() {
        given(administration.update(ADMIN, TARGET, false, null)).willThrow(AccountConflictException.lastAdmin());
        assertProblem(patch(TARGET.toString(), "{\"enabled\":false}").with(admin()).exchange(), 409, "last-admin");
    }

    @Test
    void anUnknownAccountIsNotFound() {
        given(administration.update(ADMIN, TARGET, true, null)).willThrow(AccountNotFoundException.user());
        assertProblem(patch(TARGET.toString(), "{\"enabled\":true}").with(admin()).exchange(), 404, "not-found");
    }

    private MockMvcTester.MockMvcRequestBuilder patch(String id, String body) {
        return mvc.patch().uri("/api/v1/admin/users/" + id).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject(ADMIN.toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    private static RequestPostProcessor user() {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString()))
                .authorities(new SimpleGrantedAuthority("ROLE_USER"));
    }
}
