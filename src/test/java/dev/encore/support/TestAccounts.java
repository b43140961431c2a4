package dev.encore.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Registers and signs in test accounts through the public API. */
public final class TestAccounts {

    public static final String PASSWORD = "Correct-Horse-42";

    private final Api api;

    public TestAccounts(Api api) {
        this.api = api;
    }

    /** A signed-in account. */
    public record Account(String id, String username, String email, String password, String accessToken,
            String refreshToken, String sessionId) {
    }

    public static String uniqueName() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public HttpResponse<String> register(String username, String email, String password, String adminKey) {
        String json = "{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"password\":\"" + password
                + "\"" + (adminKey == null ? "" : ",\"adminKey\":\"" + adminKey + "\"") + "}";
        return api.send(api.request("/api/v1/auth/register").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> login(String identifier, String password) {
        return api.send(api.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .header("User-Agent", "EncoreTest/1.0")
                .POST(BodyPublishers.ofString("{\"identifier\":\"" + identifier + "\",\"password\":\"" + password + "\"}")));
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return api.send(api.request("/api/v1/auth/refresh").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"refreshToken\":\"" + refreshToken + "\"}")));
    }

    /**
     * Signs in an account with two-step verification on.
     *
     * @param factor {@code totpCode} (from the authenticator) or {@code recoveryCode}
     */
    public Account signIn(Account account, String factor, String code) {
        HttpResponse<String> login = api.send(api.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .header("User-Agent", "EncoreTest/1.0")
                .POST(BodyPublishers.ofString("{\"identifier\":\"" + account.username() + "\",\"password\":\""
                        + account.password() + "\",\"" + factor + "\":\"" + code + "\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode body = Api.json(login);
        return new Account(account.id(), account.username(), account.email(), account.password(),
                body.path("accessToken").asString(), body.path("refreshToken").asString(),
                body.path("sessionId").asString());
    }

    /** Registers and signs in a new user. */
    public Account user() {
        return create(false);
    }

    /** Registers (with the admin key) and signs in a new admin. */
    public Account admin() {
        return create(true);
    }

    /** Signs in an existing account again, opening another session. */
    public Account signIn(Account account) {
        HttpResponse<String> login = login(account.username(), account.password());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode body = Api.json(login);
        return new Account(account.id(), account.username(), account.email(), account.password(),
                body.path("accessToken").asString(), body.path("refreshToken").asString(),
                body.path("sessionId").asString());
    }

    private Account create(boolean admin) {
        String username = uniqueName();
        String email = username + "@example.org";
        HttpResponse<String> registered = register(username, email, PASSWORD, admin ? IntegrationTest.ADMIN_KEY : null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = Api.json(registered).path("id").asString();
        return signIn(new Account(id, username, email, PASSWORD, null, null, null));
    }
}
