package dev.encore.library.track;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import dev.encore.delivery.link.DeliveryProperties;
import dev.encore.delivery.stream.TestStreamUrls;
import dev.encore.library.LibraryFixtures;
import dev.encore.library.play.Play;
import dev.encore.platform.EncoreProperties;
import dev.encore.platform.EncoreSecurityProperties;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.TestAccounts.Account;

/**
 * Signed stream URLs, for media elements that cannot send a token: handed out with tracks and
 * videos, serving what the authenticated streams serve (Range, conditional requests, renditions,
 * plays for the right user), bound to one item and one user, and checked again on every use.
 */
class StreamUrlsIT extends IntegrationTest {

    @TempDir
    static Path media;

    @Autowired
    private EncoreSecurityProperties security;
    @Autowired
    private DeliveryProperties delivery;
    @Autowired
    private EncoreProperties encore;

    private LibraryFixtures library;

    @BeforeEach
    void fixtures() throws Exception {
        library = LibraryFixtures.of(api, media);
    }

    @Test
    void aTracksStreamUrlPlaysWithoutATokenAsTheAuthenticatedStreamDoes() throws Exception {
        Account user = users.user();
        JsonNode track = library.track(user, "title", "Signed", "artist", "Player");
        String url = track.path("streamUrl").asString();
        assertThat(url).startsWith("http://localhost:8080/stream/tracks/").doesNotContain(user.accessToken());
        Instant expires = Instant.parse(track.path("streamUrlExpiresAt").asString());
        Instant expected = Instant.now().plus(delivery.streamUrlTtl()).plusMillis(track.path("durationMs").asLong());
        assertThat(Duration.between(expires, expected).abs()).isLessThan(Duration.ofMinutes(1));

        String stream = path(url);
        HttpResponse<byte[]> whole = anonymous(stream, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        byte[] authenticated = api.sendBytes(api.request("/api/v1/tracks/" + track.path("id").asString() + "/stream")
                .header("Authorization", "Bearer " + user.accessToken()).header("Range", "bytes=1-")).body();
        assertThat(Arrays.copyOfRange(whole.body(), 1, whole.body().length)).isEqualTo(authenticated);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        String play = whole.headers().firstValue("Encore-Play-Id").orElseThrow();

        HttpResponse<byte[]> range = anonymous(stream, "bytes=100-199");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 100, 200));
        assertThat(range.headers().firstValue("Encore-Play-Id")).as("a seek is not a play").isEmpty();
        assertThat(anonymous(stream, "bytes=" + whole.body().length + "-").statusCode()).isEqualTo(416);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(api.sendBytes(api.rawRequest(stream).header("If-None-Match", etag)).statusCode()).isEqualTo(304);
        assertThat(api.sendBytes(api.rawRequest(stream).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(200);

        HttpResponse<byte[]> rendition = anonymous(stream + "?format=opus&bitrate=96", "bytes=0-");
        assertThat(rendition.statusCode()).isEqualTo(206);
        assertThat(rendition.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("audio/ogg"));
        Path file = Files.write(media.resolve("signed.opus"), rendition.body());
        assertThat(MediaTools.audioCodec(MediaTools.probe(file))).isEqualTo("opus");
        assertThat(anonymous(stream + "?format=flac", null).statusCode()).isEqualTo(400);

        JsonNode plays = Api.json(api.get("/api/v1/plays", user.accessToken()));
        assertThat(plays.path("items").valueStream().map(item -> item.path("id").asString())).contains(play);
    }

    @Test
    void aStreamUrlPlaysOneTrackForOneUserAndRefusesTamperingAndExpiry() {
        Account owner = users.user();
        Account listener = users.user();
        JsonNode track = library.track(owner, "title", "Bound", "artist", "Owner", "visibility", "public");
        String id = track.path("id").asString();
        String listenerUrl = Api.json(api.get("/api/v1/tracks/" + id, listener.accessToken())).path("streamUrl")
                .asString();
        assertThat(listenerUrl).isNotEqualTo(track.path("streamUrl").asString());

        HttpResponse<byte[]> listened = anonymous(path(listenerUrl), null);
        assertThat(listened.statusCode()).isEqualTo(200);
        String play = listened.headers().firstValue("Encore-Play-Id").orElseThrow();
        assertThat(Api.json(api.get("/api/v1/plays", listener.accessToken())).path("items").valueStream()
                .map(item -> item.path("id").asString())).as("the play is the listener's").contains(play);
        assertThat(Api.json(api.get("/api/v1/plays", owner.accessToken())).path("totalItems").asLong()).isZero();

        String token = path(listenerUrl).substring("/stream/tracks/".length());
        String[] parts = token.split("\\.");
        String otherTrack = library.track(owner, "title", "Other", "artist", "Owner", "visibility", "public")
                .path("id").asString();
        for (String forged : new String[] {
                String.join(".", parts[0], otherTrack, parts[2], parts[3], parts[4]),
                String.join(".", parts[0], parts[1], owner.id(), parts[3], parts[4]),
                String.join(".", parts[0], parts[1], parts[2], Long.toString(Long.parseLong(parts[3]) + 86400), parts[4]),
                String.join(".", "m1", parts[1], parts[2], parts[3], parts[4]),
                token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA"), "not-a-token" }) {
            assertProblem(anonymousText("/stream/tracks/" + forged), 403, "link-invalid");
        }
        assertProblem(anonymousText("/stream/videos/" + token), 403, "link-invalid");
        assertProblem(anonymousText("/dl/" + token), 403, "link-invalid");

        String expired = TestStreamUrls.expiredTrackStream(security, delivery, encore, UUID.fromString(id),
                UUID.fromString(listener.id()));
        assertProblem(anonymousText(expired), 410, "link-expired");
    }

    @Test
    void accessIsCheckedAgainEachTimeTheUrlIsUsed() {
        Account owner = users.user();
        Account listener = users.user();
        JsonNode track = library.track(owner, "title", "Revoked", "artist", "Owner", "visibility", "public");
        String id = track.path("id").asString();
        String ownerStream = path(track.path("streamUrl").asString());
        String listenerStream = path(Api.json(api.get("/api/v1/tracks/" + id, listener.accessToken()))
                .path("streamUrl").asString());
        assertThat(anonymous(listenerStream, "bytes=0-9").statusCode()).isEqualTo(206);

        HttpResponse<String> hidden = api.send("PATCH", "/api/v1/tracks/" + id, owner.accessToken(),
                "{\"visibility\":\"private\"}");
        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);
        assertProblem(anonymousText(listenerStream), 404, "not-found");
        assertThat(anonymous(ownerStream, "bytes=0-9").statusCode()).as("the owner still plays it").isEqualTo(206);

        Account admin = users.admin();
        JsonNode shared = library.track(owner, "title", "Shared", "artist", "Owner", "visibility", "public");
        String sharedStream = path(Api.json(api.get("/api/v1/tracks/" + shared.path("id").asString(),
                listener.accessToken())).path("streamUrl").asString());
        assertThat(anonymous(sharedStream, "bytes=0-9").statusCode()).isEqualTo(206);
        assertThat(api.send("PATCH", "/api/v1/admin/users/" + listener.id(), admin.accessToken(),
                "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertProblem(anonymousText(sharedStream), 403, "link-invalid");

        assertThat(api.send("DELETE", "/api/v1/tracks/" + id, owner.accessToken(), null).statusCode()).isEqualTo(204);
        assertProblem(anonymousText(ownerStream), 404, "not-found");
    }

    @Test
    void aVideosStreamUrlPlaysRangesWithoutAToken() throws Exception {
        Account owner = users.user();
        byte[] clip = Files.readAllBytes(MediaTools.video(media.resolve("signed-clip.mp4"), 2));
        HttpResponse<String> uploaded = api.send(Multipart.upload(api, "/api/v1/uploads", owner.accessToken(),
                "clip.mp4", "video/mp4", clip));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        HttpResponse<String> created = api.postJson("/api/v1/videos", "{\"uploadId\":\""
                + Api.json(uploaded).path("id").asString() + "\"}", owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String url = Api.json(created).path("streamUrl").asString();
        assertThat(url).startsWith("http://localhost:8080/stream/videos/");

        HttpResponse<byte[]> range = anonymous(path(url), "bytes=4-11");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(clip, 4, 12));
        assertThat(range.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertProblem(anonymousText("/stream/tracks/" + path(url).substring("/stream/videos/".length())), 403,
                "link-invalid");
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    /** A request as a media element sends it: no Authorization header. */
    private HttpResponse<byte[]> anonymous(String path, String range) {
        HttpRequest.Builder request = api.request(path).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return api.sendBytes(request);
    }

    private HttpResponse<String> anonymousText(String path) {
        return api.send(api.request(path).GET());
    }
}
