package dev.encore.account.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.encore.support.Api;
import dev.encore.support.PackagedJar;

/**
 * OIDC on the packaged jar's default start, the bean set made ahead of time in the build: a provider
 * configured is no reason to start the plain way (the build's bean set has every OIDC component;
 * {@link IdTokens} is made on the first callback), and a sign-in goes through to the end.
 */
class OidcAheadOfTimeIT {

    private static final Duration START = Duration.ofMinutes(3);

    @TempDir
    Path work;

    private Process process;
    private IdentityProvider idp;

    @Test
    void aConfiguredProviderSignsInOnTheBuildsBeanSet() throws Exception {
        idp = new IdentityProvider();
        int port = PackagedJar.freePort();
        Path log = work.resolve("encore.log");
        String provider = "encore.security.oidc.providers.open.";
        process = PackagedJar.start(log, "--server.port=" + port, "--encore.data-dir=" + work.resolve("data"),
                "--" + provider + "issuer-uri=" + idp.issuer("open"), "--" + provider + "client-id=encore-open",
                "--" + provider + "client-secret=secret-of-open", "--" + provider + "allow-registration=true");
        PackagedJar.awaitLive(process, port, log, START);
        await("ready").atMost(START).until(() -> new Api(port).get("/readyz").statusCode() == 200);
        assertThat(PackagedJar.read(log)).contains("Starting AOT-processed EncoreApplication")
                .contains("OIDC sign-in with [open]");

        OidcBrowser browser = new OidcBrowser(port);
        HttpResponse<String> authorize = browser.get("/api/v1/auth/oidc/open/authorize");
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        idp.nextSignIn("open", UUID.randomUUID().toString(), "encore-open", Map.of("email", "aot@idp.example",
                "email_verified", true, "preferred_username", "aheadoftime"));
        HttpResponse<String> atProvider = browser.get(browser.location(authorize));
        assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
        HttpResponse<String> back = browser.get(browser.location(atProvider));
        assertThat(back.statusCode()).as(() -> PackagedJar.read(log)).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).as(() -> PackagedJar.read(log)).contains("/?signed-in=oidc");
        assertThat(back.headers().allValues("Set-Cookie")).as("signed in")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("encore_refresh="));

        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("a clean stop").isTrue();
        assertThat(PackagedJar.read(log)).doesNotContain("Exception");
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        if (idp != null) {
            idp.shutdown();
        }
    }
}
