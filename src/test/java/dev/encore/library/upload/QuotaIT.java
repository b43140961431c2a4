package dev.encore.library.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.TestAccounts.Account;

/** {@code GET /api/v1/me/quota}: what I store and upload against my quotas, mine only, never cached. */
class QuotaIT extends IntegrationTest {

    @TempDir
    static Path media;

    @Test
    void aNewUserHasNothingUsedAndAnUploadCountsInBothQuotas() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        byte[] song = Files.readAllBytes(MediaTools.tone(media.resolve("quota.mp3"), "Quota Song", 480, 3));
        Account user = users.user();

        HttpResponse<String> fresh = api.get("/api/v1/me/quota", user.accessToken());
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        JsonNode before = Api.json(fresh);
        assertThat(before.path("storageUsedBytes").asLong()).isZero();
        assertThat(before.path("storageLimitBytes").asLong()).isEqualTo(10L * 1024 * 1024 * 1024);
        assertThat(before.path("uploadedTodayBytes").asLong()).isZero();
        assertThat(before.path("dailyUploadBytes").asLong()).as("encore.upload.daily-bytes").isEqualTo(4 * 1024 * 1024);
        assertThat(before.path("maxUploadBytes").asLong()).as("encore.upload.max-bytes").isEqualTo(3 * 1024 * 1024);

        Api client = new Api(port);
        HttpResponse<String> uploaded = client.send(Multipart.upload(client, "/api/v1/uploads", user.accessToken(),
                "quota.mp3", "audio/mpeg", song));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

        JsonNode after = Api.json(api.get("/api/v1/me/quota", user.accessToken()));
        assertThat(after.path("storageUsedBytes").asLong()).isEqualTo(song.length);
        assertThat(after.path("uploadedTodayBytes").asLong()).isEqualTo(song.length);
        assertThat(Api.json(api.get("/api/v1/me/quota", users.user().accessToken())).path("storageUsedBytes").asLong())
                .as("another user's quota").isZero();
    }

    @Test
    void signedOutIsRefused() {
        assertThat(api.get("/api/v1/me/quota").statusCode()).isEqualTo(401);
    }
}
