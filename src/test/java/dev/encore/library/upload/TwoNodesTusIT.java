package dev.encore.library.upload;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.OtherNode;
import dev.encore.support.TestAccounts.Account;

/**
 * Resumable uploads behind a plain round-robin balancer: two nodes on one database and bucket, each
 * with a data directory of its own, take any request of any upload. PATCHes alternate between them,
 * HEAD on one tells what the other received, one PATCH at a time holds across nodes, what arrived
 * before a client went away from one node is resumed on the other, and the finish and the
 * termination happen wherever the request lands. Only meaningful in distributed mode.
 */
@EnabledIfSystemProperty(named = "encore.it.services", matches = "true",
        disabledReason = "nodes share uploads through PostgreSQL and a bucket only in the services (distributed) run")
class TwoNodesTusIT extends IntegrationTest {

    @TempDir
    static Path media;
    @TempDir
    static Path secondDataDir;

    private static byte[] song;
    private static ConfigurableApplicationContext nodeB;

    @Autowired
    private Environment firstNode;

    private Account user;
    private TusClient onA;
    private TusClient onB;

    @BeforeAll
    static void song() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        song = Files.readAllBytes(MediaTools.tone(media.resolve("two-nodes.mp3"), "Two Nodes", 587, 3));
    }

    @BeforeEach
    void nodesAndUser() {
        if (nodeB == null) {
            nodeB = OtherNode.start(firstNode, secondDataDir);
        }
        user = users.user();
        onA = new TusClient(api, user.accessToken());
        onB = new TusClient(new Api(OtherNode.port(nodeB)), user.accessToken());
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    @Test
    void patchesAlternatingBetweenNodesMakeOneFileFinishedWhereTheLastLands() {
        String location = onA.start(song.length, "Two Nodes.mp3");
        int quarter = song.length / 4;
        TusClient[] nodes = { onB, onA, onB, onA };
        for (int i = 0; i < 4; i++) {
            int from = i * quarter;
            int to = i == 3 ? song.length : from + quarter;
            HttpResponse<String> patched = nodes[i].patch(location, from, song, from, to);
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
            assertThat(patched.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(to));
            if (i < 3) {
                TusClient other = nodes[(i + 1) % 4];
                assertThat(other.head(location).headers().firstValue("Upload-Offset")).as("HEAD on the other node")
                        .hasValue(Integer.toString(to));
                assertProblem(other.patch(location, from, song, from, to), 409, "offset-mismatch");
            }
        }
        String uploadId = onB.head(location).headers().firstValue("Encore-Upload-Id").orElseThrow();
        JsonNode upload = Api.json(api.get("/api/v1/uploads/" + uploadId, user.accessToken()));
        assertThat(upload.path("size").asLong()).isEqualTo(song.length);
        assertThat(upload.path("title").asString()).isEqualTo("Two Nodes");
        assertThat(upload.path("durationMs").asLong()).as("the same file, in order").isBetween(2700L, 3300L);
    }

    @Test
    void onePatchAtATimeAcrossNodesAndWhatArrivedBeforeTheClientWentAwayResumesOnTheOther() throws Exception {
        String location = onA.start(song.length, "song.mp3");
        int sent = song.length / 2;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            onA.beginPatch(out, location, 0, song.length);
            out.write(song, 0, sent);
            out.flush();
            // node A is writing: node B refuses a second PATCH of the same upload, and says the recorded offset
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertProblem(onB.patch(location, 0, song, 0,
                    100), 409, "upload-busy"));
            assertThat(onB.head(location).headers().firstValue("Upload-Offset")).hasValue("0");
            assertProblem(onB.delete(location), 409, "upload-busy");
        } // the client goes away in the middle of the body
        await().atMost(Duration.ofSeconds(10)).until(() -> offset(onB, location) == sent);
        HttpResponse<String> rest = onB.patch(location, sent, song, sent, song.length);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        String uploadId = rest.headers().firstValue("Encore-Upload-Id").orElseThrow();
        assertThat(onA.head(location).headers().firstValue("Encore-Upload-Id")).hasValue(uploadId);
        assertThat(Api.json(api.get("/api/v1/uploads/" + uploadId, user.accessToken())).path("size").asLong())
                .isEqualTo(song.length);
    }

    @Test
    void anUploadStartedOnOneNodeIsTerminatedOnTheOther() {
        String location = onA.startPartly(song, "song.mp3", song.length / 2);
        HttpResponse<String> deleted = onB.delete(location);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(onA.head(location).statusCode()).isEqualTo(404);
        assertProblem(onA.patch(location, song.length / 2, song, song.length / 2, song.length), 404, "not-found");
    }

    @Test
    void ofTwoPatchesAtOnceOnTwoNodesExactlyOneWinsAndTheOtherIsBusy() throws Exception {
        String location = onA.start(song.length, "song.mp3");
        try (Socket toA = new Socket("127.0.0.1", port); Socket toB = new Socket("127.0.0.1", OtherNode.port(nodeB))) {
            Socket[] sockets = { toA, toB };
            TusClient[] clients = { onA, onB };
            for (int i = 0; i < 2; i++) { // both under way, neither body whole
                clients[i].beginPatch(sockets[i].getOutputStream(), location, 0, song.length);
                sockets[i].getOutputStream().write(song, 0, 1000);
                sockets[i].getOutputStream().flush();
            }
            int loser = await("the refusal").atMost(Duration.ofSeconds(10)).until(
                    () -> toA.getInputStream().available() > 0 ? 0 : toB.getInputStream().available() > 0 ? 1 : -1,
                    answered -> answered >= 0);
            String refusal = answer(sockets[loser]);
            assertThat(refusal).startsWith("HTTP/1.1 409").contains("upload-busy");

            Socket winner = sockets[1 - loser];
            winner.getOutputStream().write(song, 1000, song.length - 1000);
            winner.getOutputStream().flush();
            String won = answer(winner);
            assertThat(won).startsWith("HTTP/1.1 204").containsIgnoringCase("Encore-Upload-Id");
        }
        assertThat(offset(onA, location)).as("the bytes were written once").isEqualTo(song.length);
    }

    /** What the server answered on a raw connection so far: its head, and its body once that came. */
    private static String answer(Socket socket) throws java.io.IOException {
        socket.setSoTimeout(2_000);
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[8192];
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until && !(answer.toString().startsWith("HTTP/1.1 204")
                && answer.indexOf("\r\n\r\n") > 0) && answer.indexOf("}") < 0) {
            try {
                int read = socket.getInputStream().read(buffer);
                if (read < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            catch (java.net.SocketTimeoutException notYet) {
                if (answer.indexOf("\r\n\r\n") > 0 && !answer.toString().startsWith("HTTP/1.1 204")
                        && answer.indexOf("{") < 0 && answer.indexOf("Content-Length: 0") >= 0) {
                    break; // a head without a body
                }
            }
        }
        return answer.toString();
    }

    private static long offset(TusClient tus, String location) {
        return Long.parseLong(tus.head(location).headers().firstValue("Upload-Offset").orElse("-1"));
    }
}
