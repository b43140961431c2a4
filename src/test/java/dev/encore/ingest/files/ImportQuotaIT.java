package dev.encore.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import dev.encore.ingest.ImportsClient;
import dev.encore.ingest.imports.AudioFormat;
import dev.encore.ingest.imports.Import;
import dev.encore.ingest.imports.ImportKind;
import dev.encore.ingest.imports.Imports;
import dev.encore.platform.BlobStore;
import dev.encore.platform.StorageQuota;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaServer;
import dev.encore.support.MediaTools;
import dev.encore.support.TestAccounts.Account;

/**
 * The storage quota ({@code encore.quota.default-bytes}): a file that does not fit fails its item
 * with {@code quota-exceeded} and stores nothing; a full quota refuses new imports with 403 before
 * anything is stored; expired files no longer count. The quota is filled with a file row of the
 * right size rather than configured small, so the suite keeps one application context (contexts
 * sharing a database would take each other's import jobs). A conversion is capped by what the
 * quota has left, so a result that does not fit is never stored, not even for the result's lifetime.
 */
class ImportQuotaIT extends IntegrationTest {

    @TempDir
    static Path media;

    private static MediaServer origin;

    @Autowired
    private StorageQuota quota;
    @Autowired
    private Imports imports;
    @Autowired
    private ImportFiles files;
    @Autowired
    private BlobStore blobs;

    @BeforeAll
    static void origin() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg", "ffprobe");
        origin = new MediaServer();
        origin.file("/a.mp3", MediaTools.tone(media.resolve("a.mp3"), "A", 400, 3), "audio/mpeg", 0);
        origin.file("/b.mp3", MediaTools.tone(media.resolve("b.mp3"), "B", 450, 3), "audio/mpeg", 0);
        // a minute: ~720 kB as MP3, several MB as WAV
        origin.file("/long.mp3", MediaTools.tone(media.resolve("long.mp3"), "Long", 500, 60), "audio/mpeg", 0);
    }

    @AfterAll
    static void stopOrigin() {
        if (origin != null) {
            origin.close();
        }
    }

    /** A file row of {@code bytes} for {@code owner} (its import finished long ago). */
    private ImportFile fill(UUID owner, long bytes, Instant expiresAt) {
        Instant now = Instant.now();
        Import filler = imports.save(new Import(owner, ImportKind.SINGLE, AudioFormat.MP3, "http://127.0.0.1/x.mp3",
                null, now));
        return files.save(new ImportFile(owner, filler.id(), UUID.randomUUID(), "filler.mp3", "audio/mpeg", bytes,
                "0".repeat(64), 1000L, now, expiresAt));
    }

    @Test
    void aFileThatDoesNotFitFailsItsItemAndStoresNothing() throws Exception {
        Account user = users.user();
        ImportsClient client = new ImportsClient(port);
        UUID owner = UUID.fromString(user.id());

        JsonNode first = client.awaitFinished(user.accessToken(), client.start(user.accessToken(), origin.url("/a.mp3"),
                "mp3"));
        assertThat(first.path("status").asString()).isEqualTo("SUCCEEDED");
        long fileSize = quota.used(owner);
        assertThat(fileSize).isBetween(1_000L, 1_000_000L);
        // leave room for less than another such file
        fill(owner, quota.remaining(owner) - fileSize / 2, Instant.now().plus(1, ChronoUnit.HOURS));
        long used = quota.used(owner);

        JsonNode second = client.awaitFinished(user.accessToken(), client.start(user.accessToken(), origin.url("/b.mp3"),
                "mp3"));
        assertThat(second.path("status").asString()).isEqualTo("FAILED");
        assertThat(second.path("errorCode").asString()).isEqualTo("quota-exceeded");
        assertThat(second.path("items").get(0).path("fileId").isMissingNode()).isTrue();
        assertThat(quota.used(owner)).isEqualTo(used);
    }

    @Test
    void aConversionLargerThanTheQuotaLeftIsCutOffAndNothingOfItIsKept() throws Exception {
        Account user = users.user();
        ImportsClient client = new ImportsClient(port);
        UUID owner = UUID.fromString(user.id());
        long room = 2_000_000;
        fill(owner, quota.remaining(owner) - room, Instant.now().plus(1, ChronoUnit.HOURS));
        long used = storageUsed(user);
        Set<String> blobsBefore = storedBlobs();

        JsonNode refused = client.awaitFinished(user.accessToken(), client.start(user.accessToken(),
                origin.url("/long.mp3"), "wav"));
        assertThat(refused.path("status").asString()).isEqualTo("FAILED");
        assertThat(refused.path("errorCode").asString()).isEqualTo("quota-exceeded");
        assertThat(storageUsed(user)).isEqualTo(used);
        // other tests' blobs may come and go; none as large as the room left is this import's
        assertThat(storedBlobs()).filteredOn(sha256 -> !blobsBefore.contains(sha256) && size(sha256) > room)
                .as("no blob of the refused conversion").isEmpty();

        // the refusal was the owner's, not the source's: another user's import of it converts it anew
        Account other = users.user();
        JsonNode made = client.awaitFinished(other.accessToken(), client.start(other.accessToken(),
                origin.url("/long.mp3"), "wav"));
        assertThat(made.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(storageUsed(other)).isGreaterThan(room);
    }

    private long storageUsed(Account user) {
        return Api.json(api.get("/api/v1/me/quota", user.accessToken())).path("storageUsedBytes").asLong();
    }

    private Set<String> storedBlobs() throws IOException {
        try (Stream<String> stored = blobs.storedBefore(Instant.now().plus(1, ChronoUnit.HOURS))) {
            return stored.collect(Collectors.toSet());
        }
    }

    private long size(String sha256) {
        try {
            return blobs.metadata(sha256).map(BlobStore.Metadata::size).orElse(0L);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Test
    void aFullQuotaRefusesNewImportsAndExpiredFilesStopCounting() {
        Account user = users.user();
        UUID owner = UUID.fromString(user.id());
        Instant now = Instant.now();
        ImportFile full = fill(owner, quota.limit(owner), now.plus(1, ChronoUnit.HOURS));
        long importsBefore = Api.json(api.get("/api/v1/imports", user.accessToken())).path("totalItems").asLong();

        HttpResponse<String> refused = new ImportsClient(port).single(user.accessToken(), origin.url("/a.mp3"), null,
                null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Api.json(refused).path("type").asString()).endsWith("/quota-exceeded");
        assertThat(Api.json(api.get("/api/v1/imports", user.accessToken())).path("totalItems").asLong())
                .as("nothing stored").isEqualTo(importsBefore);

        files.delete(full);
        fill(owner, quota.limit(owner), now.minus(1, ChronoUnit.HOURS)); // expired: no longer counts
        assertThat(quota.used(owner)).isZero();
        HttpResponse<String> accepted = new ImportsClient(port).single(user.accessToken(), origin.url("/a.mp3"), null,
                null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }
}
