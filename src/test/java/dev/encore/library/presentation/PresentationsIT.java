package dev.encore.library.presentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.platform.BlobStore;
import dev.encore.platform.storage.StorageProperties;
import dev.encore.support.Api;
import dev.encore.support.HeldTransaction;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.Pdfs;
import dev.encore.support.ProblemAssert;
import dev.encore.support.StoredBlobs;
import dev.encore.support.TestAccounts.Account;

/**
 * Presentations: a PDF upload rendered to slides by a job (sizes, text, signed image URLs),
 * searchable by what a slide says, private by default, refused with a problem of its own when the
 * PDF is unusable (and then nothing is saved), deleted with its blobs.
 */
class PresentationsIT extends IntegrationTest {

    @Autowired
    private BlobStore blobs;
    @Autowired
    private StorageProperties storage;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aPdfBecomesSlidesWithTextFoundBySearch() throws Exception {
        MediaTools.require("ffmpeg");
        Account owner = users.user();
        String word = LibraryFixtures.uniqueWord(10);
        String upload = upload(owner, "quarterly.pdf", Pdfs.withText("Quarterly review", "Revenue " + word,
                "Questions"));
        HttpResponse<String> created = api.postJson("/api/v1/presentations", "{\"uploadId\":\"" + upload
                + "\",\"tags\":[\"finance\"],\"category\":\"Reports\"}", owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode presentation = Api.json(created);
        String id = presentation.path("id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/presentations/" + id);
        assertThat(presentation.path("title").asString()).as("the file name").isEqualTo("quarterly");
        assertThat(presentation.path("pageCount").asInt()).isEqualTo(3);
        assertThat(presentation.path("visibility").asString()).isEqualTo("private");
        assertThat(presentation.path("mimeType").asString()).isEqualTo("application/pdf");

        List<JsonNode> events = events(owner, id);
        assertThat(events).as("events").isNotEmpty().allSatisfy(event -> assertThat(event.path("id").asString())
                .isEqualTo(id));
        assertThat(events.getLast().path("state").asString()).isEqualTo("ready");
        assertThat(events.stream().map(event -> event.path("progress").asInt())).isSorted().endsWith(100);

        JsonNode ready = awaitState(owner, id, "ready");
        assertThat(ready.path("processing").path("progress").asInt()).isEqualTo(100);
        assertThat(ready.path("thumbnailUrl").asString()).contains("/stream/presentations/");

        JsonNode slides = Api.json(api.get("/api/v1/presentations/" + id + "/slides", owner.accessToken()));
        assertThat(slides.path("count").asInt()).isEqualTo(3);
        assertThat(slides.path("slides").valueStream().map(slide -> slide.path("text").asString()))
                .containsExactly("Quarterly review", "Revenue " + word, "Questions");
        JsonNode second = slides.path("slides").get(1);
        assertThat(new int[] { second.path("width").asInt(), second.path("height").asInt(),
                second.path("thumbWidth").asInt(), second.path("thumbHeight").asInt() })
                .containsExactly(1920, 1080, 320, 180);

        HttpResponse<byte[]> thumb = image("/api/v1/presentations/" + id + "/slides/2?size=thumb", owner);
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type")).contains("image/webp");
        assertThat(Pdfs.webpSize(thumb.body())).containsExactly(320, 180);
        HttpResponse<byte[]> full = image("/api/v1/presentations/" + id + "/slides/2?size=full", owner);
        assertThat(Pdfs.webpSize(full.body())).containsExactly(1920, 1080);
        HttpResponse<byte[]> signed = api.sendBytes(HttpRequest.newBuilder(
                java.net.URI.create(local(second.path("fullUrl").asString()))).GET());
        assertThat(signed.statusCode()).as("the signed URL needs no token").isEqualTo(200);
        assertThat(signed.body()).isEqualTo(full.body());
        String tampered = local(second.path("fullUrl").asString()).replace("/stream/presentations/p1.",
                "/stream/presentations/m1.");
        assertThat(tampered).isNotEqualTo(local(second.path("fullUrl").asString()));
        ProblemAssert.assertProblem(api.send(HttpRequest.newBuilder(java.net.URI.create(tampered)).GET()), 403,
                "link-invalid");
        assertThat(image("/api/v1/presentations/" + id + "/slides/4?size=full", owner).statusCode()).isEqualTo(404);
        ProblemAssert.assertProblem(api.get("/api/v1/presentations/" + id + "/slides/1?size=huge",
                owner.accessToken()), 400, "validation-failed");

        // the index follows the commit asynchronously; in the services run, with the JobRunr workers of
        // earlier tests still busy on two cores, 15 s was once not enough
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode found = Api.json(api.get("/api/v1/search?q=" + word, owner.accessToken()));
            assertThat(found.path("items").valueStream().map(item -> item.path("type").asString() + ":"
                    + item.path("id").asString())).containsExactly("presentation:" + id);
        });

        Account other = users.user();
        ProblemAssert.assertProblem(api.get("/api/v1/presentations/" + id, other.accessToken()), 404, "not-found");
        ProblemAssert.assertProblem(api.get("/api/v1/presentations/" + id + "/slides", other.accessToken()), 404,
                "not-found");
        assertThat(image("/api/v1/presentations/" + id + "/slides/1", other).statusCode()).isEqualTo(404);
        assertThat(Api.json(api.get("/api/v1/search?q=" + word, other.accessToken())).path("totalItems").asLong())
                .isZero();
        assertThat(Api.json(api.get("/api/v1/presentations?owner=" + owner.id(), other.accessToken()))
                .path("totalItems").asLong()).isZero();

        HttpResponse<String> published = api.send(api.request("/api/v1/presentations/" + id)
                .header("Authorization", "Bearer " + owner.accessToken()).header("Content-Type", "application/json")
                .header("If-Match", "\"" + ready.path("version").asLong() + "\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"visibility\":\"public\"}")));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(Api.json(api.get("/api/v1/presentations?owner=" + owner.id() + "&tag=finance",
                other.accessToken())).path("totalItems").asLong()).isEqualTo(1);
        assertThat(image("/api/v1/presentations/" + id + "/slides/1", other).statusCode()).isEqualTo(200);
    }

    @Test
    void unusablePdfsAreRefusedAndNothingIsSaved() throws Exception {
        Account owner = users.user();
        assertRefused(owner, Pdfs.encrypted("Secret plans"), "pdf-encrypted");
        assertRefused(owner, Pdfs.truncated(Pdfs.withText("One", "Two", "Three")), "pdf-malformed");
        assertRefused(owner, Pdfs.pages(301, PDRectangle.A4), "pdf-too-many-pages");
        assertRefused(owner, Pdfs.pages(1, new PDRectangle(200 * 72, 200 * 72)), "pdf-page-too-large");
        assertThat(Api.json(api.get("/api/v1/presentations?owner=" + owner.id(), owner.accessToken()))
                .path("totalItems").asLong()).isZero();

        MediaTools.require("ffmpeg", "ffprobe");
        String song = upload(owner, "talk.pdf", java.nio.file.Files.readAllBytes(MediaTools.tone(
                java.nio.file.Files.createTempFile("tone", ".mp3"), "Tone", 440, 1)));
        ProblemAssert.assertInvalidField(api.postJson("/api/v1/presentations", "{\"uploadId\":\"" + song + "\"}",
                owner.accessToken()), "uploadId");
        String pdf = upload(owner, "slides.pdf", Pdfs.withText("Only slides"));
        ProblemAssert.assertInvalidField(api.postJson("/api/v1/tracks", "{\"uploadId\":\"" + pdf
                + "\",\"artist\":\"X\"}", owner.accessToken()), "uploadId");
        ProblemAssert.assertInvalidField(api.postJson("/api/v1/videos", "{\"uploadId\":\"" + pdf + "\"}",
                owner.accessToken()), "uploadId");
        ProblemAssert.assertProblem(api.postJson("/api/v1/presentations", "{\"uploadId\":\"" + pdf + "\"}",
                users.user().accessToken()), 404, "not-found");
    }

    @Test
    void deletingAPresentationDeletesItsPdfAndSlideImages() throws Exception {
        Account owner = users.user();
        Rendered deck = rendered(owner);
        assertThat(quotaUsed(owner)).as("the PDF and every slide image count").isEqualTo(deck.bytes());

        assertThat(api.send("DELETE", "/api/v1/presentations/" + deck.id(), users.user().accessToken(), null)
                .statusCode()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/presentations/" + deck.id(), owner.accessToken(), null).statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/presentations/" + deck.id(), owner.accessToken()).statusCode()).isEqualTo(404);
        for (String sha : deck.blobs()) {
            assertThat(blobs.metadata(sha)).as(sha).isEmpty();
        }
        assertThat(quotaUsed(owner)).isZero();
    }

    @Test
    void aDeleteThatMeetsAnEditOfThePresentationStillDeletesIt() throws Exception {
        Account owner = users.user();
        String id = rendered(owner).id();
        assertThat(HeldTransaction.meetingAnEdit(transactions, jdbc, "presentations", UUID.fromString(id),
                () -> api.send("DELETE", "/api/v1/presentations/" + id, owner.accessToken(), null).statusCode()))
                .as("run again on the new version, not 409 conflict").isEqualTo(204);
        assertThat(api.get("/api/v1/presentations/" + id, owner.accessToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void slidesARenderCommitsWhileItsPresentationIsBeingDeletedGoWithIt() throws Exception {
        Account owner = users.user();
        Rendered deck = rendered(owner);
        UUID id = UUID.fromString(deck.id());
        Path staging = blobs.createStaging("test", UUID.randomUUID());
        BlobStore.StoredBlob late = blobs.store(Files.writeString(staging.resolve("late.png"),
                "a slide of this render alone " + UUID.randomUUID()));
        StoredBlobs.age(blobs, storage, late.sha256(), Duration.ofHours(1));

        // a render's last transaction held open (as PresentationOutcomes.ready writes it): the
        // presentation's row updated, so locked, and a slide's row written but not committed yet
        try (HeldTransaction render = HeldTransaction.open(transactions, jdbc, sql -> {
            sql.sql("UPDATE presentations SET progress = 100 WHERE id = :id").param("id", id).update();
            sql.sql("INSERT INTO presentation_slides (presentation_id, slide_number, width, height, full_sha256,"
                    + " full_bytes, thumb_width, thumb_height, thumb_sha256, thumb_bytes, slide_text)"
                    + " VALUES (:id, 3, 16, 9, :sha256, :size, 16, 9, :sha256, :size, '')").param("id", id)
                    .param("sha256", late.sha256()).param("size", late.size()).update();
        })) {
            CompletableFuture<Integer> delete = render.meanwhile(
                    () -> api.send("DELETE", "/api/v1/presentations/" + id, owner.accessToken(), null).statusCode());
            // the render commits once the delete waits for its lock (were it later, it would see the slide)
            render.commitOnceBlocked();
            assertThat(delete.get(30, TimeUnit.SECONDS)).isEqualTo(204);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM presentation_slides WHERE presentation_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        await("the late slide's blob is handed to the collector with the presentation").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(blobs.metadata(late.sha256())).isEmpty());
        for (String sha : deck.blobs()) {
            assertThat(blobs.metadata(sha)).as(sha).isEmpty();
        }
    }

    @Test
    void aDeletedAccountsPresentationsGoWithIt() throws Exception {
        Account leaving = users.user();
        Rendered deck = rendered(leaving);
        HttpResponse<String> deleted = api.send("DELETE", "/api/v1/me", leaving.accessToken(),
                "{\"password\":\"" + leaving.password() + "\"}");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String sha : deck.blobs()) {
                assertThat(blobs.metadata(sha)).as(sha).isEmpty();
            }
        });
    }

    /**
     * A rendered two-slide presentation of its own (no other content shares its blobs), its blobs
     * aged past the collector's grace.
     *
     * @param id    the presentation
     * @param blobs the PDF and the four slide images
     * @param bytes their sizes added up
     */
    @Test
    void textLimitsCountCharactersNotUtf16Units() throws Exception {
        Account owner = users.user();
        String note = "\uD83C\uDFB5"; // one character, two UTF-16 units (which @Size and H2 count)
        HttpResponse<String> created = api.postJson("/api/v1/presentations", "{\"uploadId\":\"" + upload(owner,
                "notes.pdf", Pdfs.withText("Notes")) + "\",\"title\":\"" + note.repeat(255) + "\",\"description\":\""
                + note.repeat(5000) + "\",\"category\":\"" + note.repeat(50) + "\",\"tags\":[\"" + note.repeat(50) + "\"]}",
                owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode presentation = Api.json(api.get("/api/v1/presentations/" + Api.json(created).path("id").asString(),
                owner.accessToken()));
        assertThat(presentation.path("title").asString()).isEqualTo(note.repeat(255));
        assertThat(presentation.path("description").asString()).isEqualTo(note.repeat(5000));
        assertThat(presentation.path("category").asString()).isEqualTo(note.repeat(50));
        assertThat(presentation.path("tags").valueStream().map(JsonNode::asString)).containsExactly(note.repeat(50));
        ProblemAssert.assertInvalidField(api.postJson("/api/v1/presentations", "{\"uploadId\":\"" + java.util.UUID
                .randomUUID() + "\",\"title\":\"" + note.repeat(256) + "\",\"category\":\"" + note.repeat(51) + "\"}",
                owner.accessToken()), "category");
    }

    private record Rendered(String id, List<String> blobs, long bytes) {
    }

    private Rendered rendered(Account owner) throws Exception {
        MediaTools.require("ffmpeg");
        byte[] pdf = Pdfs.withText("Agenda " + LibraryFixtures.uniqueWord(8), "Details "
                + LibraryFixtures.uniqueWord(8));
        HttpResponse<String> created = api.postJson("/api/v1/presentations", "{\"uploadId\":\""
                + upload(owner, "deck.pdf", pdf) + "\",\"title\":\"Deck\"}", owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Api.json(created).path("id").asString();
        awaitState(owner, id, "ready");
        List<String> stored = new ArrayList<>(List.of(sha256(pdf)));
        long bytes = pdf.length;
        for (int slide = 1; slide <= 2; slide++) {
            for (String size : List.of("thumb", "full")) {
                HttpResponse<byte[]> image = image("/api/v1/presentations/" + id + "/slides/" + slide + "?size="
                        + size, owner);
                stored.add(image.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
                bytes += image.body().length;
            }
        }
        for (String sha : stored) {
            assertThat(blobs.metadata(sha)).as(sha).isPresent();
            StoredBlobs.age(blobs, storage, sha, Duration.ofHours(1));
        }
        return new Rendered(id, stored, bytes);
    }

    private long quotaUsed(Account owner) {
        return Api.json(api.get("/api/v1/me/quota", owner.accessToken())).path("storageUsedBytes").asLong();
    }

    private void assertRefused(Account owner, byte[] pdf, String type) {
        String upload = upload(owner, "refused.pdf", pdf);
        ProblemAssert.assertProblem(api.postJson("/api/v1/presentations", "{\"uploadId\":\"" + upload + "\"}",
                owner.accessToken()), 422, type);
        assertThat(api.get("/api/v1/uploads/" + upload, owner.accessToken()).statusCode())
                .as("the upload is still unused").isEqualTo(200);
    }

    private JsonNode awaitState(Account owner, String id, String state) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
                () -> Api.json(api.get("/api/v1/presentations/" + id, owner.accessToken())),
                presentation -> {
                    String now = presentation.path("processing").path("state").asString();
                    assertThat(now).as(presentation.toString()).isIn("processing", state);
                    return now.equals(state);
                });
    }

    /** The presentation's event stream, read until the server ends it (after ready or failed). */
    private List<JsonNode> events(Account owner, String id) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient().send(
                api.request("/api/v1/presentations/" + id + "/events").header("Authorization", "Bearer "
                        + owner.accessToken()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (java.util.stream.Stream<String> lines = stream.body()) {
                return lines.filter(line -> line.startsWith("data:")).map(line -> Api.json(line.substring(5)))
                        .toList();
            }
        }).get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    private HttpResponse<byte[]> image(String path, Account viewer) {
        return api.sendBytes(api.request(path).header("Authorization", "Bearer " + viewer.accessToken()).GET());
    }

    /** A signed URL under the default public URL, sent to this test's port. */
    private String local(String url) {
        return url.replaceFirst("^https?://[^/]+", api.base());
    }

    private String upload(Account owner, String name, byte[] content) {
        HttpResponse<String> response = api.send(Multipart.upload(api, "/api/v1/uploads", owner.accessToken(), name,
                "application/octet-stream", content));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response).path("id").asString();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
