package dev.encore.packaging;

import static dev.encore.support.ProblemAssert.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.PackagedJar;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * The packaged jar's ahead-of-time start (docs/performance.md): {@code java -jar} on the embedded
 * defaults chooses the bean set Spring worked out in the build, which serves a user's whole path
 * (sign-up, upload, a track, a transcode through JobRunr, Range streaming, search, a playlist, the
 * API docs, the web app, a problem answer); a start whose settings could need other components
 * starts the plain way and says why; and one that asks for the build's bean set explicitly
 * ({@code -Dspring.aot.enabled=true}) with such settings is refused with a report.
 */
class AotStartIT {

    private static final Duration START = Duration.ofMinutes(3);

    private static final List<String> EXPLICIT = List.of("-Dspring.aot.enabled=true");

    @TempDir
    Path work;

    private Process process;

    @Test
    void theAheadOfTimeStartServesAUsersWholePath() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        int port = PackagedJar.freePort();
        Path log = work.resolve("encore.log");
        process = start(log, List.of(), "--server.port=" + port, "--spring.profiles.active=default");
        PackagedJar.awaitLive(process, port, log, START);
        assertThat(PackagedJar.read(log)).as("Spring's generated bean set, chosen without a flag")
                .contains("Starting AOT-processed EncoreApplication")
                .contains("Starting with the bean set made ahead of time in the build");
        Api api = new Api(port);
        await("ready").atMost(START).until(() -> api.get("/readyz").statusCode() == 200);

        Account user = new TestAccounts(api).user();
        assertThat(Api.json(api.get("/api/v1/me", user.accessToken())).path("username").asString())
                .isEqualTo(user.username());
        byte[] tone = Files.readAllBytes(MediaTools.tone(work.resolve("tone.mp3"), "Ahead of time", 440, 2));
        String trackId = Multipart.track(api, user.accessToken(), tone, "Precompiled");

        HttpResponse<byte[]> range = api.sendBytes(api.request("/api/v1/tracks/" + trackId + "/stream")
                .header("Authorization", "Bearer " + user.accessToken()).header("Range", "bytes=0-99").GET());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(100);
        String opus = "/api/v1/tracks/" + trackId + "/stream?format=opus";
        HttpResponse<byte[]> rendition = await("the rendition, made by a JobRunr job").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.sendBytes(api.request(opus).header("Authorization", "Bearer " + user.accessToken())
                        .GET()), answer -> answer.statusCode() != 503);
        assertThat(rendition.statusCode()).as(() -> PackagedJar.read(log)).isEqualTo(200);
        assertThat(MediaTools.audioCodec(MediaTools.probe(Files.write(work.resolve("tone.opus"), rendition.body()))))
                .isEqualTo("opus");

        await("the search index").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode found = Api.json(api.get("/api/v1/search?q=precompiled", user.accessToken()));
            assertThat(found.path("items").valueStream().map(item -> item.path("id").asString())).containsExactly(trackId);
        });
        JsonNode artists = Api.json(api.get("/api/v1/tracks?artist=Precompiled", user.accessToken()));
        assertThat(artists.path("totalItems").asLong()).as("the listing").isEqualTo(1);
        HttpResponse<String> playlist = api.postJson("/api/v1/playlists", "{\"name\":\"Compiled ahead\"}",
                user.accessToken());
        assertThat(playlist.statusCode()).as(playlist.body()).isEqualTo(201);
        HttpResponse<String> item = api.postJson("/api/v1/playlists/" + Api.json(playlist).path("id").asString()
                + "/items", "{\"trackId\":\"" + trackId + "\"}", user.accessToken());
        assertThat(item.statusCode()).as(item.body()).isEqualTo(200);
        assertThat(Api.json(item).path("items").valueStream().map(entry -> entry.path("track").path("id").asString()))
                .containsExactly(trackId);

        assertInvalidField(api.get("/api/v1/search?q=%20%20", user.accessToken()), "q");
        // the description's beans are made on this first request (ApiDescriptionOnFirstUse), Encore's customizers with them
        JsonNode description = Api.json(api.get("/v3/api-docs"));
        assertThat(description.path("paths").has("/api/v1/tracks")).isTrue();
        assertThat(description.path("components").path("schemas").path("TrackDetails").path("properties").path("title")
                .path("maxLength").asInt()).as("@CodePointLength read by Encore's property customizer").isEqualTo(255);
        assertThat(api.get("/swagger-ui/swagger-initializer.js").body()).contains("/v3/api-docs/swagger-config");
        assertThat(api.send(api.request("/library/tracks").header("Accept", "text/html").GET()).body())
                .as("the web app's shell for a browser's deep link").containsIgnoringCase("<html");

        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("a clean stop").isTrue();
        assertThat(PackagedJar.read(log)).doesNotContain("Exception");
    }

    @Test
    void aStartWhoseSettingsCouldNeedOtherComponentsStartsThePlainWay() throws Exception {
        int port = PackagedJar.freePort();
        Path log = work.resolve("plain.log");
        process = start(log, List.of(), "--server.port=" + port, "--spring.threads.virtual.enabled=false");
        PackagedJar.awaitLive(process, port, log, START);
        await("ready").atMost(START).until(() -> new Api(port).get("/readyz").statusCode() == 200);
        assertThat(PackagedJar.read(log)).doesNotContain("AOT-processed").contains("Starting without the bean set made "
                + "ahead of time in the build: spring.threads.virtual.enabled is set");
    }

    @Test
    void anExplicitStartThatNeedsOtherComponentsIsRefusedWithAReport() throws Exception {
        Path log = work.resolve("distributed.log");
        process = start(log, EXPLICIT, "--server.port=0", "--spring.profiles.active=distributed");
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("refused, not started").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(PackagedJar.read(log)).contains("Encore refuses this ahead-of-time start (-Dspring.aot.enabled=true): "
                + "spring.profiles.active names the distributed profile").contains("Start without -Dspring.aot.enabled=true");

        Path bucket = work.resolve("bucket.log");
        process = start(bucket, EXPLICIT, "--server.port=0", "--spring.profiles.active=default",
                "--encore.storage.type=s3");
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("refused, not started").isTrue();
        assertThat(PackagedJar.read(bucket)).contains("encore.storage.type is \"s3\" where the ahead-of-time build has unset");
        assertThat(work.resolve("data/blobs")).as("nothing stored").doesNotExist();
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Process start(Path log, List<String> jvmOptions, String... arguments) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(PackagedJar.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", PackagedJar.jar().toString(), "--encore.data-dir=" + work.resolve("data")));
        command.addAll(List.of(arguments));
        return PackagedJar.process(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
