package dev.encore.live.chat;

import static dev.encore.support.MvcProblemAssert.assertInvalidFields;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.encore.live.session.LiveAccess;
import dev.encore.support.EncoreWebMvcTest;

@EncoreWebMvcTest
@Import(ChatHistoryController.class)
class ChatHistoryControllerTests {

    private static final UUID USER = UUID.randomUUID();

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    LiveChat chat;

    @MockitoBean
    LiveAccess access;

    @Test
    void aBeforePastTheYear9999IsRefusedBeforeAnyQuery() {
        UUID id = UUID.randomUUID();
        for (String far : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+300000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            for (String kind : List.of("rooms", "premieres")) {
                // as an admin, whom no access check stops before the query
                assertInvalidFields(mvc.get().uri("/api/v1/" + kind + "/" + id + "/chat").param("before", far)
                        .with(admin()).exchange(), "before");
            }
        }
        verifyNoInteractions(chat, access);
    }

    private static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject(USER.toString())).authorities(new SimpleGrantedAuthority("ROLE_USER"),
                new SimpleGrantedAuthority("ROLE_ADMIN"));
    }
}
