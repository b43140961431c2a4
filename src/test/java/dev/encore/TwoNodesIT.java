package dev.encore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;

import dev.encore.ingest.ImportsClient;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaServer;
import dev.encore.support.MediaTools;
import dev.encore.support.OtherNode;
import dev.encore.support.Metrics;
import dev.encore.support.TestAccounts;
import dev.encore.support.TestAccounts.Account;

/**
 * Two nodes on one database, Redis and bucket behave as one service: rate-limit buckets are
 * shared, a logout on one node kills the access token on the other, and a file imported through
 * one node downloads, streams and transcodes through the other, which has a data directory of its
 * own (nothing local is shared). Only meaningful in distributed mode.
 */
@EnabledIfSystemProperty(named = "encore.it.services", matches = "true",
        disabledReason = "nodes share state through PostgreSQL, Redis and a bucket only in the services (distributed) run")
class TwoNodesIT extends IntegrationTest {

    @TempDir
    static Path media;
    @TempDir
    static Path secondDataDir;

    @Autowired
    private Environment firstNode;

    @Test
    void aFileImportedOnOneNodeDownloadsStreamsAndTranscodesOnTheOther() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg", "ffprobe");
        try (MediaServer origin = new MediaServer();
                ConfigurableApplicationContext secondNode = startSecondNode()) {
            origin.file("/shared.mp3", MediaTools.tone(media.resolve("shared.mp3"), "Shared", 523, 3), "audio/mpeg", 0);
            Account user = users.user();
            ImportsClient onA = new ImportsClient(port);
            JsonNode imported = onA.awaitFinished(user.accessToken(), onA.start(user.accessToken(),
                    origin.url("/shared.mp3"), null));
            assertThat(imported.path("status").asString()).isEqualTo("SUCCEEDED");
            String fileId = imported.path("items").get(0).path("fileId").asString();
            Api nodeB = new Api(port(secondNode));

            String link = new ImportsClient(port(secondNode)).fileLink(user.accessToken(), fileId);
            HttpResponse<byte[]> download = nodeB.sendBytes(nodeB.request(link).GET());
            assertThat(download.statusCode()).isEqualTo(200);
            HttpResponse<byte[]> fromA = api.sendBytes(api.request(link).GET());
            assertThat(download.body()).as("the same bytes through either node").isEqualTo(fromA.body()).hasSizeGreaterThan(1000);

            HttpResponse<String> saved = nodeB.postJson("/api/v1/tracks", "{\"fileId\":\"" + fileId
                    + "\",\"artist\":\"Both nodes\"}", user.accessToken());
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
            String stream = "/api/v1/tracks/" + Api.json(saved).path("id").asString() + "/stream";
            HttpResponse<byte[]> range = nodeB.sendBytes(nodeB.request(stream).header("Authorization", "Bearer "
                    + user.accessToken()).header("Range", "bytes=100-199").GET());
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(download.body(), 100, 200));

            HttpResponse<byte[]> opus = awaitRendition(port(secondNode), stream + "?format=opus&bitrate=64", user);
            Path rendition = Files.write(media.resolve("rendition.opus"), opus.body());
            assertThat(MediaTools.audioCodec(MediaTools.probe(rendition))).isEqualTo("opus");
            double madeOnA = Metrics.value(api, tokens.admin(), "encore_stream_transcodes_total");
            HttpResponse<byte[]> sameOnA = awaitRendition(port, stream + "?format=opus&bitrate=64", user);
            assertThat(sameOnA.body()).as("node A serves the rendition node B made").isEqualTo(opus.body());
            assertThat(Metrics.value(api, tokens.admin(), "encore_stream_transcodes_total")).as("without making it")
                    .isEqualTo(madeOnA);
            assertThat(sameOnA.headers().firstValue("ETag")).isEqualTo(opus.headers().firstValue("ETag"));
        }
    }

    /** Asks a node until the rendition is ready, from a fresh client address each time. */
    private HttpResponse<byte[]> awaitRendition(int nodePort, String path, Account user) throws InterruptedException {
        // 503 with Retry-After while it is being made: ask again
        HttpResponse<byte[]> answer = await("the rendition").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    Api node = new Api(nodePort);
                    return node.sendBytes(node.request(path).header("Authorization", "Bearer " + user.accessToken())
                            .GET());
                }, reply -> reply.statusCode() != 503);
        assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(200);
        return answer;
    }

    @Test
    void logoutOnOneNodeRejectsTheTokenOnTheOther() {
        try (ConfigurableApplicationContext secondNode = startSecondNode()) {
            Api nodeB = new Api(port(secondNode));
            TestAccounts.Account account = users.user();
            assertThat(nodeB.get("/api/v1/me", account.accessToken()).statusCode()).isEqualTo(200);
            assertThat(api.send("POST", "/api/v1/auth/logout", account.accessToken(), null).statusCode()).isEqualTo(204);
            assertThat(nodeB.get("/api/v1/me", account.accessToken()).statusCode()).isEqualTo(401);
            assertThat(new TestAccounts(nodeB).refresh(account.refreshToken()).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aLogoutStaysInForceOnTheOtherNodeAfterRedisLosesItsData() {
        try (ConfigurableApplicationContext secondNode = startSecondNode()) {
            Api nodeB = new Api(port(secondNode));
            TestAccounts.Account account = users.user();
            assertThat(api.send("POST", "/api/v1/auth/logout", account.accessToken(), null).statusCode()).isEqualTo(204);
            assertThat(nodeB.get("/api/v1/me", account.accessToken()).statusCode()).isEqualTo(401);

            // what a Redis restarted without persistence (or failed over to an empty replica) has lost
            StringRedisTemplate redis = secondNode.getBean(StringRedisTemplate.class);
            String jti = Api.json(new String(Base64.getUrlDecoder().decode(account.accessToken().split("\\.")[1]),
                    StandardCharsets.UTF_8)).path("jti").asString();
            redis.delete(List.of("encore:denied:present", "encore:denied:jti:" + jti,
                    "encore:denied:sid:" + account.sessionId()));

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(nodeB.get("/api/v1/me", account.accessToken()).statusCode())
                            .as("the revocation handed back from the database").isEqualTo(401));
            assertThat(redis.hasKey("encore:denied:jti:" + jti)).isTrue();
        }
    }

    @Test
    void bucketsAreSharedAcrossNodes() {
        try (ConfigurableApplicationContext secondNode = startSecondNode()) {
            int secondPort = port(secondNode);
            Api nodeA = api;
            String token = tokens.user();
            assertThat(nodeA.get("/api/v1/_fixtures/limited", token).statusCode()).isEqualTo(200);
            assertThat(nodeA.get("/api/v1/_fixtures/limited", token).statusCode()).isEqualTo(200);

            Api nodeB = new Api(secondPort);
            var third = nodeB.get("/api/v1/_fixtures/limited", token);
            assertThat(third.statusCode()).isEqualTo(200);
            assertThat(third.headers().firstValue("RateLimit-Remaining")).hasValue("0");
            assertThat(nodeB.get("/api/v1/_fixtures/limited", token).statusCode()).isEqualTo(429);
            assertThat(nodeA.get("/api/v1/_fixtures/limited", token).statusCode()).isEqualTo(429);
        }
    }

    private static int port(ConfigurableApplicationContext node) {
        return OtherNode.port(node);
    }

    /** A second node on the same services, with a data directory of its own and the first node's secrets. */
    private ConfigurableApplicationContext startSecondNode() {
        return OtherNode.start(firstNode, secondDataDir);
    }
}
