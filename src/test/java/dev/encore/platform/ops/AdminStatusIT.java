package dev.encore.platform.ops;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.TestAccounts;

class AdminStatusIT extends IntegrationTest {

    @TempDir
    Path media;

    @Test
    void isForAdminsOnly() {
        TestAccounts.Account user = users.user();
        assertProblem(api.get("/api/v1/admin/status", user.accessToken()), 403, "forbidden");
        assertProblem(api.get("/api/v1/admin/status"), 401, "unauthenticated");
    }

    @Test
    void showsTheReadinessComponentsToolsImportQueueAndStorage() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe", "yt-dlp");
        TestAccounts.Account admin = users.admin();
        JsonNode before = status(admin);

        assertThat(before.path("status").asString()).isIn("UP", "DEGRADED");
        Map<String, JsonNode> components = new HashMap<>();
        before.path("components").forEach(component -> components.put(component.path("name").asString(), component));
        assertThat(components).containsKeys("readinessState", "db", "diskSpace", "ingest", "search");
        assertThat(components.get("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.get("diskSpace").path("details").path("free").asLong()).isPositive();
        // never where the data lives on the server's disk (nor a failure's text): what answers never leak
        assertThat(components.get("diskSpace").path("details").has("path")).isFalse();
        assertThat(before.toString()).doesNotContain(System.getProperty("encore.data-dir"));
        assertThat(before.path("tools").path("ffmpeg").asString()).containsPattern("\\d+\\.\\d+");
        assertThat(before.path("tools").path("ffprobe").asString()).containsPattern("\\d+\\.\\d+");
        assertThat(before.path("tools").path("yt-dlp").asString()).isNotBlank();
        assertThat(before.path("queues").path("imports").path("waiting").asLong()).isNotNegative();
        assertThat(before.path("queues").path("imports").path("running").asLong()).isNotNegative();
        assertThat(before.path("storage").path("diskFreeBytes").asLong()).isPositive();
        assertThat(before.path("storage").path("diskTotalBytes").asLong())
                .isGreaterThanOrEqualTo(before.path("storage").path("diskFreeBytes").asLong());
        assertThat(before.path("checkedAt").asString()).isNotBlank();

        byte[] song = Files.readAllBytes(MediaTools.tone(media.resolve("status.mp3"), "Stored", 530, 2));
        Api client = new Api(port);
        HttpResponse<String> uploaded = client.send(Multipart.upload(client, "/api/v1/uploads", users.user().accessToken(),
                "status.mp3", "audio/mpeg", song));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

        JsonNode after = status(admin);
        assertThat(after.path("storage").path("blobs").asLong()).isGreaterThan(before.path("storage").path("blobs").asLong());
        assertThat(after.path("storage").path("bytes").asLong())
                .isGreaterThanOrEqualTo(before.path("storage").path("bytes").asLong() + song.length);
    }

    private JsonNode status(TestAccounts.Account admin) {
        HttpResponse<String> response = api.get("/api/v1/admin/status", admin.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }
}
