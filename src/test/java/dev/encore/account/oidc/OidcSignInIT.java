package dev.encore.account.oidc;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import dev.encore.account.mfa.TotpCodes;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;

/**
 * OIDC sign-in and connected accounts against a real OIDC provider on loopback, spoken to like a
 * browser: cookies kept, redirects followed one by one.
 */
@DirtiesContext
class OidcSignInIT extends IntegrationTest {

    private static final IdentityProvider IDP = new IdentityProvider();
    /** Passes the real provider's ID tokens on under another issuer (signed, or relabelled and so unsigned). */
    /** A provider that accepts connections (the kernel's backlog does) and never answers. */
    private static final ServerSocket SILENT = silentServer();
    private static final RelabellingProvider RELABELLER = new RelabellingProvider(IDP.issuer("relabel"));

    /** Registers accounts. */
    private static final String OPEN = "open";
    /** Knows connected accounts only. */
    private static final String CLOSED = "closed";
    /** Registers accounts with a verified email of example.com only. */
    private static final String CORP = "corp";
    /** The man in the middle. */
    private static final String RELABEL = "relabel";

    @Autowired
    private OidcSignIn oidcSignIn;
    @Autowired
    private Connections connections;

    private OidcBrowser browser;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        IDP.register(registry, OPEN, "Open Identity", true);
        IDP.register(registry, CLOSED, "Closed Identity", false);
        IDP.register(registry, CORP, "Corp SSO", true);
        registry.add("encore.security.oidc.providers.corp.allowed-email-domains", () -> "example.com");
        IDP.register(registry, RELABEL, "Relabelled", true);
        registry.add("encore.security.oidc.providers.relabel.issuer-uri", RELABELLER::issuer);
        registry.add("encore.security.oidc.providers.down.issuer-uri", () -> "http://127.0.0.1:9/down");
        registry.add("encore.security.oidc.providers.down.client-id", () -> "encore");
        registry.add("encore.security.oidc.providers.silent.issuer-uri",
                () -> "http://127.0.0.1:" + SILENT.getLocalPort() + "/silent");
        registry.add("encore.security.oidc.providers.silent.client-id", () -> "encore");
        // short, to be quick about the silent one; long enough for the loopback providers to make their keys
        registry.add("encore.security.oidc.discovery-timeout", () -> "3s");
        registry.add("encore.ratelimit.limits.oidc.capacity", () -> "1000");
    }

    @AfterAll
    static void stopProvider() throws IOException {
        SILENT.close();
        RELABELLER.stop();
        IDP.shutdown();
    }

    @BeforeEach
    void newBrowser() {
        browser = new OidcBrowser(port);
    }

    @Test
    void listsTheConfiguredProvidersPubliclyByDisplayName() {
        HttpResponse<String> listed = api.get("/api/v1/auth/oidc/providers");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(Api.json(listed).valueStream().map(provider -> provider.path("id").asString()).toList())
                .containsExactly(CLOSED, CORP, "down", OPEN, RELABEL, "silent");
        assertThat(Api.json(listed).get(0).path("displayName").asString()).isEqualTo("Closed Identity");
        assertThat(listed.body()).doesNotContain("secret-of", "client");
    }

    @Test
    void authorizeSendsTheBrowserToTheProviderWithPkceStateAndNonceBoundByAnHttpOnlyCookie() {
        HttpResponse<String> authorize = browser.get("/api/v1/auth/oidc/open/authorize");
        assertThat(authorize.statusCode()).isEqualTo(302);
        Map<String, String> query = query(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.headers().firstValue("Location").orElseThrow()).startsWith(IDP.issuer(OPEN));
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", clientId(OPEN))
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge");
        assertThat(query.get("scope")).contains("openid");
        assertThat(query.get("redirect_uri")).endsWith("/api/v1/auth/oidc/open/callback");
        assertThat(authorize.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("encore_oidc_state=" + query.get("state") + ";").contains("HttpOnly", "SameSite=Lax",
                        "Path=/api/v1/auth/oidc"));
    }

    @Test
    void aNewProviderAccountRegistersWhenTheProviderAllowsItAndSignsInLikeAPasswordLogin() {
        String subject = UUID.randomUUID().toString();
        String name = TestAccounts.uniqueName();
        HttpResponse<String> back = signIn(OPEN, subject, claims(name + "@idp.example", name));

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).contains("/?signed-in=oidc");
        assertThat(back.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("encore_refresh=").contains("HttpOnly", "SameSite=Strict", "Path=/api/v1/auth"));
        JsonNode session = refreshFromApp();
        assertThat(session.path("user").path("username").asString()).isEqualTo(name);
        assertThat(session.path("user").path("email").asString()).isEqualTo(name + "@idp.example");
        assertThat(session.has("refreshToken")).as("cookie mode").isFalse();
        String token = session.path("accessToken").asString();
        assertThat(Api.json(api.get("/api/v1/me/sessions", token)).valueStream()
                .map(s -> s.path("userAgent").asString()).toList()).containsExactly("OidcBrowser/1.0");
        JsonNode connections = Api.json(api.get("/api/v1/me/connections", token));
        assertThat(connections.path("hasPassword").asBoolean()).isFalse();
        assertThat(connections.path("items").get(0).path("provider").asString()).isEqualTo(OPEN);
        assertThat(connections.path("items").get(0).path("displayName").asString()).isEqualTo("Open Identity");
        assertThat(connections.path("items").get(0).path("email").asString()).isEqualTo(name + "@idp.example");
    }

    @Test
    void theSameProviderAccountSignsInToTheSameEncoreAccountWhateverItsEmailSaysNow() {
        String subject = UUID.randomUUID().toString();
        String name = TestAccounts.uniqueName();
        signIn(OPEN, subject, claims(name + "@idp.example", name));
        String first = refreshFromApp().path("user").path("id").asString();

        browser = new OidcBrowser(port);
        HttpResponse<String> again = signIn(OPEN, subject, claims("changed-" + name + "@idp.example", "other"));
        assertThat(again.headers().firstValue("Location")).contains("/?signed-in=oidc");
        assertThat(refreshFromApp().path("user").path("id").asString()).isEqualTo(first);
    }

    @Test
    void aTakenUsernameGetsANumberedOne() {
        TestAccounts.Account holder = users.user();
        signIn(OPEN, UUID.randomUUID().toString(), claims(TestAccounts.uniqueName() + "@idp.example", holder.username()));
        assertThat(refreshFromApp().path("user").path("username").asString()).isEqualTo(holder.username() + "_2");
    }

    @Test
    void anUnknownProviderAccountIsRefusedWhenTheProviderMayNotRegister() {
        String name = TestAccounts.uniqueName();
        HttpResponse<String> back = signIn(CLOSED, UUID.randomUUID().toString(), claims(name + "@idp.example", name));
        assertRefused(back, "/sign-in", "oidc-registration-closed");
        assertThat(api.get("/api/v1/admin/users?q=" + name, users.admin().accessToken()).body())
                .as("no account made").doesNotContain(name);
    }

    @Test
    void anEmailOfAnExistingAccountNeverSignsIntoItOrRegistersAgain() {
        TestAccounts.Account owner = users.user();
        HttpResponse<String> back = signIn(OPEN, UUID.randomUUID().toString(), claims(owner.email(), "intruder"));
        assertRefused(back, "/sign-in", "oidc-email-taken");
    }

    @Test
    void allowedEmailDomainsNeedAVerifiedEmailInThem() {
        String name = TestAccounts.uniqueName();
        assertRefused(signIn(CORP, UUID.randomUUID().toString(), claims(name + "@elsewhere.example", name)),
                "/sign-in", "oidc-email-refused");
        browser = new OidcBrowser(port);
        Map<String, Object> unverified = new HashMap<>(claims(name + "@example.com", name));
        unverified.put("email_verified", false);
        assertRefused(signIn(CORP, UUID.randomUUID().toString(), unverified), "/sign-in", "oidc-email-refused");
        browser = new OidcBrowser(port);
        signIn(CORP, UUID.randomUUID().toString(), claims(name + "@EXAMPLE.com", name));
        assertThat(refreshFromApp().path("user").path("username").asString()).isEqualTo(name);
    }

    @Test
    void aSignedInUserConnectsAProviderAndThenSignsInWithIt() {
        TestAccounts.Account me = users.user();
        String subject = UUID.randomUUID().toString();
        HttpResponse<String> back = link(me, CLOSED, subject);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).contains("/account/security?connected=closed");

        browser = new OidcBrowser(port);
        signIn(CLOSED, subject, claims("whatever@idp.example", "whatever"));
        assertThat(refreshFromApp().path("user").path("id").asString()).isEqualTo(me.id());
        JsonNode connections = Api.json(api.get("/api/v1/me/connections", me.accessToken()));
        assertThat(connections.path("hasPassword").asBoolean()).isTrue();
        assertThat(connections.path("items").valueStream().map(c -> c.path("provider").asString()).toList())
                .containsExactly(CLOSED);
        assertProblem(api.send("POST", "/api/v1/me/connections/closed", me.accessToken(), null), 409,
                "oidc-already-connected");
    }

    @Test
    void aProviderAccountConnectedToSomeoneElseIsNotConnectedAgain() {
        TestAccounts.Account owner = users.user();
        String subject = UUID.randomUUID().toString();
        link(owner, CLOSED, subject);
        browser = new OidcBrowser(port);
        assertRefused(link(users.user(), CLOSED, subject), "/account/security", "oidc-already-linked");
    }

    @Test
    void connectingNeedsASignedInUserAndAKnownProvider() {
        assertProblem(api.send(api.request("/api/v1/me/connections/open").POST(BodyPublishers.noBody())), 401,
                "unauthenticated");
        assertProblem(api.send("POST", "/api/v1/me/connections/nope", users.user().accessToken(), null), 404,
                "oidc-provider-not-found");
        assertProblem(api.get("/api/v1/auth/oidc/nope/authorize"), 404, "oidc-provider-not-found");
    }

    @Test
    void theLastWayToSignInCannotBeDisconnected() {
        String subject = UUID.randomUUID().toString();
        String name = TestAccounts.uniqueName();
        signIn(OPEN, subject, claims(name + "@idp.example", name));
        String token = refreshFromApp().path("accessToken").asString();
        assertProblem(api.send("DELETE", "/api/v1/me/connections/open", token, null), 409, "last-sign-in-method");
        assertProblem(api.send("DELETE", "/api/v1/me/connections/closed", token, null), 404, "oidc-not-connected");

        TestAccounts.Account me = new TestAccounts.Account(null, name, null, null, token, null, null);
        browser = new OidcBrowser(port);
        link(me, CLOSED, UUID.randomUUID().toString());
        assertThat(api.send("DELETE", "/api/v1/me/connections/open", token, null).statusCode()).isEqualTo(204);
        assertProblem(api.send("DELETE", "/api/v1/me/connections/closed", token, null), 409, "last-sign-in-method");

        TestAccounts.Account withPassword = users.user();
        browser = new OidcBrowser(port);
        link(withPassword, CLOSED, UUID.randomUUID().toString());
        assertThat(api.send("DELETE", "/api/v1/me/connections/closed", withPassword.accessToken(), null).statusCode())
                .isEqualTo(204);
        assertThat(Api.json(api.get("/api/v1/me/connections", withPassword.accessToken())).path("items").isEmpty())
                .isTrue();
    }

    @Test
    void twoDisconnectsAtOnceLeaveAnAccountWithoutPasswordOneWayToSignIn() throws Exception {
        UUID userId = UUID.fromString(registerThroughProvider().id());
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 60; round++) {
                for (String provider : List.of(OPEN, CLOSED)) { // both connected again: what the last round removed
                    if (connections.findByUser(userId).stream().noneMatch(c -> c.provider().equals(provider))) {
                        connections.insert(new Connections.Connection(UUID.randomUUID(), userId, provider,
                                IDP.issuer(provider), UUID.randomUUID().toString(), null, Instant.now(), null));
                    }
                }
                CyclicBarrier together = new CyclicBarrier(2);
                Future<String> open = threads.submit(() -> disconnectWhenBothAreReady(together, userId, OPEN));
                Future<String> closed = threads.submit(() -> disconnectWhenBothAreReady(together, userId, CLOSED));
                assertThat(List.of(open.get(), closed.get())).as("round " + round)
                        .containsExactlyInAnyOrder("disconnected", "last-sign-in-method");
                assertThat(connections.findByUser(userId)).as("round " + round).hasSize(1);
            }
        }
    }

    private String disconnectWhenBothAreReady(CyclicBarrier together, UUID userId, String provider) throws Exception {
        together.await();
        try {
            oidcSignIn.disconnect(userId, provider);
            return "disconnected";
        }
        catch (OidcException refused) {
            return refused.code();
        }
    }

    @Test
    void anAccountWithoutAPasswordSetsOneAfterSigningInAgainAtItsProvider() {
        Registered me = registerThroughProvider();
        String subject = me.subject();
        String name = me.name();
        String token = me.token();
        String id = me.id();
        String newPassword = "{\"newPassword\":\"Brand-New-Pass-7\"}";
        // the sign-in itself is no proof: its provider session may be old
        assertProblem(api.postJson("/api/v1/me/password", newPassword, token), 403, "reauthentication-required");
        assertProblem(api.postJson("/api/v1/me/mfa/totp", "{}", token), 403, "reauthentication-required");
        assertProblem(api.send("DELETE", "/api/v1/me", token, "{}"), 403, "reauthentication-required");
        assertProblem(api.send("POST", "/api/v1/me/connections/closed/reauthentication", token, null), 404,
                "oidc-not-connected");

        HttpResponse<String> back = reauthenticate(token, OPEN, subject, freshly(claims(name + "@idp.example", name)));
        assertThat(back.headers().firstValue("Location")).contains("/account/security?reauthenticated=open");
        JsonNode connections = Api.json(api.get("/api/v1/me/connections", token));
        assertThat(connections.path("hasPassword").asBoolean()).isFalse();
        assertThat(Instant.parse(connections.path("reauthenticatedUntil").asString()))
                .isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));

        HttpResponse<String> set = api.postJson("/api/v1/me/password", newPassword, token);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
        assertThat(Api.json(api.get("/api/v1/me/connections", token)).path("hasPassword").asBoolean()).isTrue();
        assertThat(users.login(name, "Brand-New-Pass-7").statusCode()).isEqualTo(200);
        // from now on the password is asked, though the re-authentication has minutes left
        assertProblem(api.postJson("/api/v1/me/password", newPassword, token), 400, "validation-failed");
        assertProblem(api.send("DELETE", "/api/v1/me", token, "{}"), 400, "validation-failed");

        TestAccounts.Account admin = users.admin();
        Api auditor = new Api(port);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                auditor.get("/api/v1/admin/audit?target=" + id + "&size=50", admin.accessToken()).body())
                .contains("oidc.reauthenticated", "password.changed", "\"first\":\"true\""));
    }

    @Test
    void anAccountWithoutAPasswordTurnsOnTwoFactorAndDeletesItselfAfterSigningInAgain() {
        Registered me = registerThroughProvider();
        String subject = me.subject();
        String name = me.name();
        String token = me.token();
        reauthenticate(token, OPEN, subject, freshly(claims(name + "@idp.example", name)));

        HttpResponse<String> enrolment = api.postJson("/api/v1/me/mfa/totp", "{}", token);
        assertThat(enrolment.statusCode()).as(enrolment.body()).isEqualTo(200);
        assertThat(Api.json(enrolment).path("secret").asString()).isNotBlank();
        HttpResponse<String> deleted = api.send("DELETE", "/api/v1/me", token, "{}");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        browser = new OidcBrowser(port); // the connection went with the account: the provider registers anew
        signIn(OPEN, subject, claims(name + "@idp.example", name));
        assertThat(refreshFromApp().path("user").path("id").asString())
                .isNotEqualTo(me.id());
    }

    @Test
    void aReauthenticationMustBeAFreshSignInOfTheConnectedProviderAccount() {
        Registered me = registerThroughProvider();
        String subject = me.subject();
        String name = me.name();
        String token = me.token();

        HttpResponse<String> started = browser.send(browser.request("/api/v1/me/connections/open/reauthentication")
                .header("Authorization", "Bearer " + token).POST(BodyPublishers.noBody()));
        assertThat(query(Api.json(started).path("authorizationUrl").asString()))
                .containsEntry("prompt", "login").containsEntry("max_age", "300");

        assertRefused(reauthenticate(token, OPEN, UUID.randomUUID().toString(),
                freshly(claims(name + "@idp.example", name))), "/account/security", "oidc-reauthentication-failed");
        assertRefused(reauthenticate(token, OPEN, subject, claims(name + "@idp.example", name)), // no auth_time
                "/account/security", "oidc-reauthentication-failed");
        Map<String, Object> old = new HashMap<>(claims(name + "@idp.example", name));
        old.put("auth_time", Instant.now().minusSeconds(3600).getEpochSecond());
        assertRefused(reauthenticate(token, OPEN, subject, old), "/account/security", "oidc-reauthentication-failed");

        assertProblem(api.postJson("/api/v1/me/password", "{\"newPassword\":\"Brand-New-Pass-7\"}", token), 403,
                "reauthentication-required");
        assertThat(Api.json(api.get("/api/v1/me/connections", token)).hasNonNull("reauthenticatedUntil")).isFalse();
    }

    @Test
    void aReauthenticationNeverStandsInForAPasswordTheAccountHas() {
        TestAccounts.Account me = users.user();
        String subject = UUID.randomUUID().toString();
        link(me, CLOSED, subject);
        browser = new OidcBrowser(port);
        HttpResponse<String> back = reauthenticate(me.accessToken(), CLOSED, subject,
                freshly(claims("x@idp.example", "x")));
        assertThat(back.headers().firstValue("Location")).contains("/account/security?reauthenticated=closed");

        assertProblem(api.postJson("/api/v1/me/password", "{\"newPassword\":\"Brand-New-Pass-7\"}",
                me.accessToken()), 400, "validation-failed");
        assertProblem(api.postJson("/api/v1/me/mfa/totp", "{}", me.accessToken()), 400, "validation-failed");
        assertProblem(api.send("DELETE", "/api/v1/me", me.accessToken(), "{}"), 400, "validation-failed");
        assertThat(users.login(me.username(), me.password()).statusCode()).isEqualTo(200);
    }

    @Test
    void aCallbackWorksOnceAndOnlyInTheBrowserThatStartedIt() {
        HttpResponse<String> authorize = browser.get("/api/v1/auth/oidc/open/authorize");
        String callback = throughProvider(OPEN, browser.location(authorize), null, null); // never exchanged
        String state = query(callback).get("state");

        HttpResponse<String> otherBrowser = new OidcBrowser(port).get(callback);
        assertRefused(otherBrowser, "/sign-in", "oidc-state-invalid");

        HttpResponse<String> wrongProvider = browser.send(browser.request(callback.replace("/open/", "/closed/"))
                .header("Cookie", "encore_oidc_state=" + state));
        assertRefused(wrongProvider, "/sign-in", "oidc-state-invalid");
        // the attempt was taken by the refused request: the right one is late now too
        assertRefused(browser.send(browser.request(callback).header("Cookie", "encore_oidc_state=" + state)),
                "/sign-in", "oidc-state-invalid");
    }

    @Test
    void aReplayedCallbackIsRefusedEvenWithTheStateCookie() {
        String name = TestAccounts.uniqueName();
        String callback = toCallback(OPEN, UUID.randomUUID().toString(), claims(name + "@idp.example", name));
        String state = query(callback).get("state");
        assertThat(browser.get(callback).headers().firstValue("Location")).contains("/?signed-in=oidc");

        OidcBrowser attacker = new OidcBrowser(port);
        assertRefused(attacker.send(attacker.request(callback).header("Cookie", "encore_oidc_state=" + state)),
                "/sign-in", "oidc-state-invalid");
    }

    @Test
    void theProvidersRefusalOrAMissingCodeComesBackAsAnErrorTheSignInScreenShows() {
        String state = startSignIn(OPEN).get("state");
        assertRefused(browser.get("/api/v1/auth/oidc/open/callback?state=" + state + "&error=access_denied"),
                "/sign-in", "oidc-denied");
        state = startSignIn(OPEN).get("state");
        assertRefused(browser.get("/api/v1/auth/oidc/open/callback?state=" + state + "&error=server_error"),
                "/sign-in", "oidc-provider-error");
        state = startSignIn(OPEN).get("state");
        assertRefused(browser.get("/api/v1/auth/oidc/open/callback?state=" + state), "/sign-in", "oidc-code-missing");
        assertRefused(browser.get("/api/v1/auth/oidc/open/callback?code=x"), "/sign-in", "oidc-state-invalid");
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        Map<String, Object> claims = new HashMap<>(claims("n@idp.example", "n"));
        claims.put("nonce", "not-the-nonce-of-this-sign-in");
        assertRefused(signInWithToken(OPEN, List.of(clientId(OPEN)), claims, 3600), "/sign-in", "oidc-id-token-invalid");
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        Map<String, Object> claims = new HashMap<>(claims("a@idp.example", "a"));
        claims.put("aud", "another-client"); // the provider names the requesting client unless a claim says otherwise
        assertRefused(signInWithToken(OPEN, List.of("another-client"), claims, 3600),
                "/sign-in", "oidc-id-token-invalid");
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        Map<String, Object> claims = new HashMap<>(claims("e@idp.example", "e"));
        claims.put("iat", java.time.Instant.now().minusSeconds(1800).getEpochSecond()); // issued, then expired
        assertRefused(signInWithToken(OPEN, List.of(clientId(OPEN)), claims, -600), "/sign-in", "oidc-id-token-invalid");
    }

    @Test
    void anIdTokenOfAnotherIssuerIsRefused() {
        RELABELLER.relabel(false);
        assertRefused(signIn(RELABEL, UUID.randomUUID().toString(), claims("i@idp.example", "i")), "/sign-in",
                "oidc-id-token-invalid");
    }

    @Test
    void anIdTokenAlteredAfterSigningIsRefused() {
        RELABELLER.relabel(true);
        assertRefused(signIn(RELABEL, UUID.randomUUID().toString(), claims("t@idp.example", "t")), "/sign-in",
                "oidc-id-token-invalid");
    }

    @Test
    void aDisabledAccountIsRefused() {
        String subject = UUID.randomUUID().toString();
        String name = TestAccounts.uniqueName();
        signIn(OPEN, subject, claims(name + "@idp.example", name));
        String id = refreshFromApp().path("user").path("id").asString();
        TestAccounts.Account admin = users.admin();
        assertThat(api.send("PATCH", "/api/v1/admin/users/" + id, admin.accessToken(), "{\"enabled\":false}")
                .statusCode()).isEqualTo(200);

        browser = new OidcBrowser(port);
        assertRefused(signIn(OPEN, subject, claims(name + "@idp.example", name)), "/sign-in", "account-disabled");
        Api auditor = new Api(port);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                auditor.get("/api/v1/admin/audit?target=" + id + "&size=50", admin.accessToken()).body())
                .contains("user.registered", "login.succeeded", "login.failed", "\"reason\":\"disabled\""));
    }

    @Test
    void anAccountWithTwoFactorStillNeedsItsCodeAfterTheProvidersSignIn() {
        TestAccounts.Account me = users.user();
        String secret = Api.json(api.postJson("/api/v1/me/mfa/totp", "{\"password\":\"" + me.password() + "\"}",
                me.accessToken())).path("secret").asString();
        assertThat(api.postJson("/api/v1/me/mfa/totp/confirm", "{\"code\":\"" + TotpCodes.now(secret, 0) + "\"}",
                me.accessToken()).statusCode()).isEqualTo(200);
        String subject = UUID.randomUUID().toString();
        link(me, CLOSED, subject);

        browser = new OidcBrowser(port);
        HttpResponse<String> back = signIn(CLOSED, subject, claims("x@idp.example", "x"));
        assertThat(back.headers().firstValue("Location")).contains("/sign-in?oidc=mfa");
        assertThat(back.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("encore_refresh="));
        assertThat(browser.cookie("encore_oidc_mfa")).isPresent();

        assertProblem(secondFactor("{\"totpCode\":\"000000\"}".replace("000000",
                "000000".equals(TotpCodes.now(secret, 1)) ? "111111" : "000000")), 401, "invalid-mfa-code");
        HttpResponse<String> done = secondFactor("{\"totpCode\":\"" + TotpCodes.now(secret, 1) + "\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(Api.json(done).path("user").path("id").asString()).isEqualTo(me.id());
        assertThat(refreshFromApp().path("user").path("id").asString()).isEqualTo(me.id());
        assertProblem(secondFactor("{\"totpCode\":\"" + TotpCodes.now(secret, 2) + "\"}"), 401, "oidc-mfa-expired");
    }

    @Test
    void theSecondFactorStepNeedsItsTicketAndTheAppsOrigin() {
        assertProblem(secondFactor("{\"totpCode\":\"123456\"}"), 401, "oidc-mfa-expired");
        assertProblem(browser.send(browser.request("/api/v1/auth/oidc/mfa").header("Origin", "https://evil.example")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}"))), 403, "cors-rejected");
    }

    @Test
    void aProviderThatIsDownSendsTheBrowserBackWithAClearError() {
        HttpResponse<String> authorize = browser.get("/api/v1/auth/oidc/down/authorize");
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location"))
                .contains("/sign-in?oidc-error=oidc-provider-unavailable");
        assertProblem(api.send("POST", "/api/v1/me/connections/down", users.user().accessToken(), null), 503,
                "oidc-provider-unavailable");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without a timeout of its own, discovery waits for ever
    void aProviderThatAcceptsButNeverAnswersIsUnavailableAfterTheDiscoveryTimeout() {
        long started = System.nanoTime();
        HttpResponse<String> authorize = browser.get("/api/v1/auth/oidc/silent/authorize");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location"))
                .contains("/sign-in?oidc-error=oidc-provider-unavailable");
        assertThat(took).as("discovery-timeout is 3s here").isGreaterThanOrEqualTo(Duration.ofSeconds(3))
                .isLessThan(Duration.ofSeconds(10));
    }

    private static ServerSocket silentServer() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the browser's trips

    /** A sign-in where the provider's token endpoint answers with an ID token a relying party must refuse. */
    private HttpResponse<String> signInWithToken(String provider, List<String> audience, Map<String, Object> claims,
            long expirySeconds) {
        HttpResponse<String> authorize = browser.get("/api/v1/auth/oidc/" + provider + "/authorize");
        IDP.nextToken(provider, UUID.randomUUID().toString(), audience, claims, expirySeconds);
        return browser.get(throughProvider(provider, browser.location(authorize), null, null));
    }

    private HttpResponse<String> signIn(String provider, String subject, Map<String, Object> claims) {
        return browser.get(toCallback(provider, subject, claims));
    }

    /** Starts a sign-in and lets the provider sign {@code subject} in: the URL it sends the browser back to. */
    private String toCallback(String provider, String subject, Map<String, Object> claims) {
        HttpResponse<String> authorize = browser.get("/api/v1/auth/oidc/" + provider + "/authorize");
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        return throughProvider(provider, browser.location(authorize), subject, claims);
    }

    /** The provider signs {@code subject} in; with no claims nothing is queued (for a callback never exchanged). */
    private String throughProvider(String provider, String authorizationUrl, String subject, Map<String, Object> claims) {
        if (claims != null) {
            IDP.nextSignIn(provider, subject, clientId(provider), claims);
        }
        HttpResponse<String> atProvider = browser.get(authorizationUrl);
        if (atProvider.statusCode() == 200 && atProvider.body().contains("name=\"username\"")) {
            // prompt=login: the provider asks who signs in (its login form), whatever session it has
            atProvider = browser.send(browser.request(authorizationUrl)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString("username=" + subject)));
        }
        assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
        return browser.location(atProvider);
    }

    private HttpResponse<String> link(TestAccounts.Account account, String provider, String subject) {
        HttpResponse<String> started = browser.send(browser.request("/api/v1/me/connections/" + provider)
                .header("Authorization", "Bearer " + account.accessToken()).POST(BodyPublishers.noBody()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String url = Api.json(started).path("authorizationUrl").asString();
        return browser.get(throughProvider(provider, url, subject, claims("l@idp.example", "linked")));
    }

    /** An account made by signing in at {@code open}, without a password, and its session in this browser. */
    private record Registered(String subject, String name, String token, String id) {
    }

    private Registered registerThroughProvider() {
        String subject = UUID.randomUUID().toString();
        String name = TestAccounts.uniqueName();
        signIn(OPEN, subject, claims(name + "@idp.example", name));
        JsonNode session = refreshFromApp();
        return new Registered(subject, name, session.path("accessToken").asString(),
                session.path("user").path("id").asString());
    }

    /** A re-authentication of {@code token}'s session in this browser, where {@code subject} signs in. */
    private HttpResponse<String> reauthenticate(String token, String provider, String subject,
            Map<String, Object> claims) {
        HttpResponse<String> started = browser.send(browser.request("/api/v1/me/connections/" + provider
                + "/reauthentication").header("Authorization", "Bearer " + token).POST(BodyPublishers.noBody()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return browser.get(throughProvider(provider, Api.json(started).path("authorizationUrl").asString(), subject,
                claims));
    }

    /** {@code claims} with the provider saying the person signed in just now. */
    private static Map<String, Object> freshly(Map<String, Object> claims) {
        Map<String, Object> fresh = new HashMap<>(claims);
        fresh.put("auth_time", Instant.now().getEpochSecond());
        return fresh;
    }

    /** Starts a sign-in; the parameters of the authorization request. */
    private Map<String, String> startSignIn(String provider) {
        HttpResponse<String> authorize = browser.get("/api/v1/auth/oidc/" + provider + "/authorize");
        return query(browser.location(authorize));
    }

    private JsonNode refreshFromApp() {
        HttpResponse<String> refreshed = browser.send(browser.fromApp("/api/v1/auth/refresh")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        return Api.json(refreshed);
    }

    private HttpResponse<String> secondFactor(String json) {
        return browser.send(browser.fromApp("/api/v1/auth/oidc/mfa").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)));
    }

    private static void assertRefused(HttpResponse<String> back, String screen, String code) {
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).contains(screen + "?oidc-error=" + code);
        assertThat(back.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("encore_refresh="));
        assertThat(back.body()).isEmpty();
    }

    private static Map<String, Object> claims(String email, String preferredUsername) {
        return Map.of("email", email, "email_verified", true, "preferred_username", preferredUsername,
                "name", "Test " + preferredUsername);
    }

    private static String clientId(String provider) {
        return "encore-" + provider;
    }

    private static Map<String, String> query(String url) {
        return UriComponentsBuilder.fromUri(URI.create(url)).build().getQueryParams().toSingleValueMap().entrySet()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        entry -> java.net.URLDecoder.decode(entry.getValue(), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
