package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.encore.support.Api;
import dev.encore.support.PackagedJar;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * A 2xx means durable: the packaged jar (embedded, H2) is killed with SIGKILL right after it
 * confirmed writes, again and again, and every confirmed row is there after each restart. Without
 * {@code WRITE_DELAY=0} H2 keeps commits in memory for up to half a second and a kill loses them.
 * (The services run's PostgreSQL is durable by itself; the jar runs embedded in both runs.)
 */
class DurableWritesIT {

    private static final int KILLS = 3;
    /** A start on a loaded build machine can take a minute. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path work;

    private Process process;

    /**
     * Writes a run confirmed: an account signed up, its playlist, its import, and a second account
     * signed up last.
     */
    private record Confirmed(Account owner, String playlistId, String importId, String lastUsername) {
    }

    @Test
    void everyConfirmedWriteSurvivesAKillRightAfterTheAnswer() throws Exception {
        int port = PackagedJar.freePort();
        List<Confirmed> confirmed = new ArrayList<>();
        for (int run = 1; run <= KILLS + 1; run++) {
            Path log = work.resolve("run-" + run + ".log");
            process = start(port, log);
            PackagedJar.awaitLive(process, port, log, START_TIMEOUT);
            Api api = new Api(port);
            for (Confirmed earlier : confirmed) {
                assertStillThere(api, earlier, run);
            }
            if (run <= KILLS) {
                confirmed.add(writeThenKill(api));
            }
        }
    }

    /** Confirmed writes, then SIGKILL as soon as the last answer arrived. */
    private Confirmed writeThenKill(Api api) throws InterruptedException {
        TestAccounts accounts = new TestAccounts(api);
        Account owner = accounts.user();
        HttpResponse<String> playlist = api.postJson("/api/v1/playlists", "{\"name\":\"Kept\"}", owner.accessToken());
        assertThat(playlist.statusCode()).as(playlist.body()).isEqualTo(201);
        // accepted is enough: the row, not the download (nothing listens on the discard port)
        HttpResponse<String> imported = api.postJson("/api/v1/imports",
                "{\"url\":\"http://127.0.0.1:9/kept.mp3\",\"format\":\"mp3\"}", owner.accessToken());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(202);
        String lastUsername = TestAccounts.uniqueName();
        HttpResponse<String> registered = accounts.register(lastUsername, lastUsername + "@example.org",
                TestAccounts.PASSWORD, null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("killed").isTrue();
        return new Confirmed(owner, Api.json(playlist).path("id").asString(), Api.json(imported).path("id").asString(),
                lastUsername);
    }

    private static void assertStillThere(Api api, Confirmed earlier, int run) {
        TestAccounts accounts = new TestAccounts(api);
        HttpResponse<String> last = accounts.login(earlier.lastUsername(), TestAccounts.PASSWORD);
        assertThat(last.statusCode()).as("run %d: the account confirmed last before a kill signs in: %s", run,
                last.body()).isEqualTo(200);
        Account owner = accounts.signIn(earlier.owner());
        HttpResponse<String> playlist = api.get("/api/v1/playlists/" + earlier.playlistId(), owner.accessToken());
        assertThat(playlist.statusCode()).as("run %d: a confirmed playlist is there: %s", run, playlist.body())
                .isEqualTo(200);
        HttpResponse<String> imported = api.get("/api/v1/imports/" + earlier.importId(), owner.accessToken());
        assertThat(imported.statusCode()).as("run %d: a confirmed import is there: %s", run, imported.body())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Process start(int port, Path log) throws IOException {
        return PackagedJar.start(log, "--server.port=" + port,
                "--encore.data-dir=" + work.resolve("data"),
                // each run's client poses as a TEST-NET address of its own: sign-up limits stay per client
                "--encore.security.trusted-proxies=127.0.0.1/32",
                "--encore.ingest.trusted-networks=127.0.0.1/32",
                "--spring.profiles.active=default");
    }
}
