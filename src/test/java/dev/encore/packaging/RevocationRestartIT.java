package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.PackagedJar;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * Revoked access tokens stay revoked across a restart of the packaged jar on its embedded defaults,
 * a crash (SIGKILL) included: a logout, a disabled account, an admin role taken away and a deleted
 * account each made a token stop working at once, and none of them works again on the restarted
 * process, while a token nobody revoked still does.
 */
class RevocationRestartIT {

    private static final Duration START = Duration.ofMinutes(3);

    @TempDir
    Path work;

    private Process process;

    @Test
    void revokedAccessTokensStayRevokedWhenTheProcessIsKilledAndStartedAgain() throws Exception {
        int port = PackagedJar.freePort();
        process = PackagedJar.startEmbedded(work, "first.log", port, START,
                "--encore.security.admin-registration-key=" + IntegrationTest.ADMIN_KEY);
        TestAccounts users = new TestAccounts(new Api(port));
        Account admin = users.admin();
        Account loggedOut = users.user();
        Account disabled = users.user();
        Account demoted = users.signIn(promoted(port, admin, users.user()));
        Account deleted = users.user();
        Account untouched = users.user();

        assertThat(api(port).postJson("/api/v1/auth/logout", "", loggedOut.accessToken()).statusCode()).isEqualTo(204);
        assertThat(api(port).send("PATCH", "/api/v1/admin/users/" + disabled.id(), admin.accessToken(),
                "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(api(port).get("/api/v1/admin/users", demoted.accessToken()).statusCode()).isEqualTo(200);
        assertThat(api(port).send("PATCH", "/api/v1/admin/users/" + demoted.id(), admin.accessToken(),
                "{\"roles\":[\"USER\"]}").statusCode()).isEqualTo(200);
        assertThat(api(port).send("DELETE", "/api/v1/me", deleted.accessToken(),
                "{\"password\":\"" + deleted.password() + "\"}").statusCode()).isEqualTo(204);
        assertRevoked(port, loggedOut, disabled, demoted, deleted);
        assertThat(api(port).get("/api/v1/admin/users", demoted.accessToken()).statusCode())
                .as("the role taken away ends the sessions whose tokens still say ADMIN").isEqualTo(401);

        process.destroyForcibly(); // SIGKILL: nothing written at shutdown can help
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        process = PackagedJar.startEmbedded(work, "second.log", port, START,
                "--encore.security.admin-registration-key=" + IntegrationTest.ADMIN_KEY);

        assertRevoked(port, loggedOut, disabled, demoted, deleted);
        assertThat(api(port).postJson("/api/v1/playlists", "{\"name\":\"after the restart\"}", deleted.accessToken())
                .statusCode()).as("a deleted account's token writes nothing").isEqualTo(401);
        assertThat(api(port).get("/api/v1/me", untouched.accessToken()).statusCode())
                .as("a token nobody revoked still works after the restart").isEqualTo(200);
        assertThat(api(port).get("/api/v1/admin/users", admin.accessToken()).statusCode()).isEqualTo(200);
    }

    private static Account promoted(int port, Account admin, Account user) {
        assertThat(api(port).send("PATCH", "/api/v1/admin/users/" + user.id(), admin.accessToken(),
                "{\"roles\":[\"USER\",\"ADMIN\"]}").statusCode()).isEqualTo(200);
        return user;
    }

    private static void assertRevoked(int port, Account... accounts) {
        for (Account account : accounts) {
            assertThat(api(port).get("/api/v1/me", account.accessToken()).statusCode())
                    .as(account.username() + "'s revoked access token").isEqualTo(401);
        }
    }

    /** A fresh client address each time, so no per-client limit is reached. */
    private static Api api(int port) {
        return new Api(port);
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
