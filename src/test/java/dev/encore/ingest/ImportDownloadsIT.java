package dev.encore.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import dev.encore.delivery.download.TestLinks;
import dev.encore.platform.EncoreSecurityProperties;
import dev.encore.support.Api;
import dev.encore.support.HeaderAssert;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaServer;
import dev.encore.support.MediaTools;
import dev.encore.support.TestAccounts.Account;

/**
 * {@code /dl/{token}} for an imported file (Range, HEAD, conditional requests, expired, tampered,
 * foreign and deleted links) and for a playlist, zipped on the fly.
 */
class ImportDownloadsIT extends IntegrationTest {

    @TempDir
    static Path media;

    private static MediaServer origin;

    @Autowired
    private EncoreSecurityProperties security;

    private ImportsClient imports;
    private Account user;

    @BeforeAll
    static void origin() throws Exception {
        MediaTools.require("yt-dlp", "ffmpeg", "ffprobe");
        origin = new MediaServer();
        // the files' own tags differ from the titles the feed gives them: the feed's win
        origin.file("/one.mp3", MediaTools.tone(media.resolve("one.mp3"), "Tag One", 500, 3), "audio/mpeg", 0);
        origin.file("/two.mp3", MediaTools.tone(media.resolve("two.mp3"), "Tag Two", 600, 3), "audio/mpeg", 0);
        origin.file("/three.mp3", MediaTools.tone(media.resolve("three.mp3"), "Tag Three", 700, 3), "audio/mpeg", 0);
        origin.text("/feed.xml", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Encore test feed</title><link>%s</link>
                <item><title>Same Name</title><guid>one</guid><enclosure url="%s" type="audio/mpeg" length="1"/></item>
                <item><title>Same Name</title><guid>two</guid><enclosure url="%s" type="audio/mpeg" length="1"/></item>
                <item><title>../../Evil</title><guid>three</guid><enclosure url="%s" type="audio/mpeg" length="1"/></item>
                </channel></rss>
                """.formatted(origin.url("/"), origin.url("/one.mp3"), origin.url("/two.mp3"), origin.url("/three.mp3")));
    }

    @AfterAll
    static void stopOrigin() {
        if (origin != null) {
            origin.close();
        }
    }

    @BeforeEach
    void signIn() {
        imports = new ImportsClient(port);
        user = users.user();
    }

    @Test
    void aFileLinkServesRangesHeadAndConditionalRequests() throws Exception {
        String id = imports.start(user.accessToken(), origin.url("/one.mp3"), "wav");
        String fileId = imports.awaitFinished(user.accessToken(), id).path("items").get(0).path("fileId").asString();
        JsonNode file = Api.json(imports.api().get("/api/v1/files/" + fileId, user.accessToken()));
        long size = file.path("size").asLong();
        String link = imports.fileLink(user.accessToken(), fileId);
        Path whole = media.resolve("whole.wav");

        HttpResponse<Path> full = imports.download(link, whole);
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValueAsLong("Content-Length")).hasValue(size);
        assertThat(full.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(full.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        HeaderAssert.eachOnce(full, "ETag", "Last-Modified", "Vary", "Cache-Control");
        String etag = full.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + file.path("sha256").asString() + "\"");
        String lastModified = full.headers().firstValue("Last-Modified").orElseThrow();
        byte[] bytes = Files.readAllBytes(whole);

        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri(link)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(size);
        assertThat(head.body()).isEmpty();
        HeaderAssert.eachOnce(head, "ETag", "Last-Modified", "Vary");

        HttpResponse<byte[]> range = send(HttpRequest.newBuilder(uri(link)).header("Range", "bytes=100-199"));
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + size);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, 200));
        HeaderAssert.eachOnce(range, "ETag", "Last-Modified", "Vary", "Content-Range");

        HttpResponse<byte[]> suffix = send(HttpRequest.newBuilder(uri(link)).header("Range", "bytes=-10"));
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));

        HttpResponse<byte[]> unsatisfiable = send(HttpRequest.newBuilder(uri(link))
                .header("Range", "bytes=" + (size + 10) + "-"));
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
        assertThat(unsatisfiable.headers().firstValue("Content-Range")).hasValue("bytes */" + size);
        assertThat(unsatisfiable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unsatisfiable.headers().firstValue("Content-Disposition")).as("not Spring's f.txt")
                .hasValue("inline");
        String token = link.substring(link.indexOf("/dl/") + 4);
        assertThat(new String(unsatisfiable.body())).as("the link's credential stays out of the problem")
                .contains("\"instance\":\"/dl/token\"").doesNotContain(token);

        HttpResponse<byte[]> notModified = send(HttpRequest.newBuilder(uri(link)).header("If-None-Match", etag));
        assertThat(notModified.statusCode()).isEqualTo(304);
        HeaderAssert.eachOnce(notModified, "ETag", "Last-Modified", "Vary");
        assertThat(send(HttpRequest.newBuilder(uri(link)).header("If-Modified-Since", lastModified)).statusCode())
                .isEqualTo(304);
        assertThat(send(HttpRequest.newBuilder(uri(link)).header("If-Match", "\"other\"")).statusCode())
                .isEqualTo(412);
        HttpResponse<byte[]> staleIfRange = send(HttpRequest.newBuilder(uri(link)).header("Range", "bytes=0-9")
                .header("If-Range", "\"other\""));
        assertThat(staleIfRange.statusCode()).isEqualTo(200);
        assertThat(staleIfRange.body()).hasSize((int) size);
    }

    @Test
    void tamperedExpiredForeignAndDeletedLinksAreRefused() throws Exception {
        String id = imports.start(user.accessToken(), origin.url("/two.mp3"), null);
        String fileId = imports.awaitFinished(user.accessToken(), id).path("items").get(0).path("fileId").asString();
        String link = imports.fileLink(user.accessToken(), fileId);
        String token = link.substring("/dl/".length());

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        HttpResponse<byte[]> forged = send(HttpRequest.newBuilder(uri("/dl/" + tampered)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(new String(forged.body())).contains("link-invalid");
        assertThat(send(HttpRequest.newBuilder(uri("/dl/not-a-token"))).statusCode()).isEqualTo(403);

        String expired = TestLinks.expiredFileToken(security, UUID.fromString(fileId), UUID.fromString(user.id()));
        HttpResponse<byte[]> gone = send(HttpRequest.newBuilder(uri("/dl/" + expired)));
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(new String(gone.body())).contains("link-expired");

        // validly signed, but for another owner than the file's: the file does not exist for them
        String foreign = TestLinks.fileToken(security, UUID.fromString(fileId), UUID.randomUUID());
        assertThat(send(HttpRequest.newBuilder(uri("/dl/" + foreign))).statusCode()).isEqualTo(404);

        assertThat(send(HttpRequest.newBuilder(uri(link))).statusCode()).isEqualTo(200);
        assertThat(imports.api().send("DELETE", "/api/v1/imports/" + id, user.accessToken(), null).statusCode())
                .isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(uri(link))).statusCode()).isEqualTo(404);
        assertThat(imports.api().get("/api/v1/files/" + fileId, user.accessToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void aPlaylistIsImportedFromAFeedAndZippedOnTheFly() throws Exception {
        HttpResponse<String> accepted = imports.api().postJson("/api/v1/imports/playlist",
                "{\"url\":\"" + origin.url("/feed.xml") + "\",\"format\":\"mp3\"}", user.accessToken());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Api.json(accepted).path("id").asString();
        JsonNode done = imports.awaitFinished(user.accessToken(), id);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("kind").asString()).isEqualTo("playlist");
        assertThat(done.path("title").asString()).isEqualTo("Encore test feed");
        assertThat(done.path("items")).hasSize(3);
        assertThat(done.path("items").valueStream().map(item -> item.path("title").asString()))
                .as("the titles the playlist gives").containsExactly("Same Name", "Same Name", "../../Evil");
        assertThat(done.path("items").valueStream().map(item -> item.path("url").asString()))
                .as("without yt-dlp's smuggled state")
                .containsExactly(origin.url("/one.mp3"), origin.url("/two.mp3"), origin.url("/three.mp3"));
        assertThat(done.toString()).doesNotContain("smuggle");

        HttpResponse<String> linked = imports.api().postJson("/api/v1/imports/" + id + "/link", "", user.accessToken());
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        String url = Api.json(linked).path("url").asString();
        HttpResponse<byte[]> zip = send(HttpRequest.newBuilder(uri(url.substring(url.indexOf("/dl/")))));
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("filename=\"Encore test feed.zip\"");

        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
                contents.add(in.readAllBytes());
            }
        }
        assertThat(names).hasSize(3);
        assertThat(names.subList(0, 2)).containsExactly("Same Name.mp3", "Same Name (2).mp3");
        assertThat(names.get(2)).endsWith("Evil.mp3").doesNotContain("/").doesNotContain("\\").doesNotContain("..");
        for (int n = 0; n < contents.size(); n++) {
            Path entry = media.resolve("entry" + n + ".mp3");
            Files.write(entry, contents.get(n));
            assertThat(MediaTools.audioCodec(MediaTools.probe(entry))).isEqualTo("mp3");
        }

        // a single import's link is its file's, not a zip
        String single = imports.start(user.accessToken(), origin.url("/one.mp3"), null);
        String fileId = imports.awaitFinished(user.accessToken(), single).path("items").get(0).path("fileId")
                .asString();
        HttpResponse<String> singleLink = imports.api().postJson("/api/v1/imports/" + single + "/link", "",
                user.accessToken());
        assertThat(singleLink.statusCode()).as(singleLink.body()).isEqualTo(200);
        String singleUrl = Api.json(singleLink).path("url").asString();
        HttpResponse<byte[]> file = send(HttpRequest.newBuilder(uri(singleUrl.substring(singleUrl.indexOf("/dl/")))));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        HttpResponse<byte[]> byFileLink = send(HttpRequest.newBuilder(uri(imports.fileLink(user.accessToken(), fileId))));
        assertThat(file.body()).isEqualTo(byFileLink.body());
        assertThat(imports.api().postJson("/api/v1/imports/" + single + "/link", "", users.user().accessToken())
                .statusCode()).as("someone else's import").isEqualTo(404);
    }

    private java.net.URI uri(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    /** Sends as a fresh client address each time, so the general per-client limit never interferes. */
    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        request.header("X-Forwarded-For", "198.19." + random.nextInt(256) + "." + random.nextInt(1, 255));
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
