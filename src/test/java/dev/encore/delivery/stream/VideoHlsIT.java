package dev.encore.delivery.stream;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import dev.encore.delivery.link.DeliveryProperties;
import dev.encore.platform.EncoreProperties;
import dev.encore.platform.EncoreSecurityProperties;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.TestAccounts.Account;

/**
 * A processed video delivered as HLS, poster, thumbnail and storyboard: the master a signed-in
 * client gets leads through absolute signed URLs to every variant and segment, the signed master
 * plays in ffmpeg over HTTP with no header (as in VLC or ffplay), and altered, foreign or expired
 * URLs get problems, never bytes.
 */
class VideoHlsIT extends IntegrationTest {

    private static final String PUBLIC_URL = "http://localhost:8080";
    private static final String PLAYLIST = "application/vnd.apple.mpegurl";
    private static final String IMMUTABLE = "private, max-age=31536000, immutable";
    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");
    private static final Duration PROCESSING = Duration.ofMinutes(5); // behind other classes' videos in a full run

    @TempDir
    static Path media;

    /** One processed public video, made by the first test that needs it (every test may run alone). */
    private static Ready shared;

    @Autowired
    private EncoreSecurityProperties security;
    @Autowired
    private DeliveryProperties delivery;
    @Autowired
    private EncoreProperties encore;

    /**
     * A video that finished processing.
     *
     * @param owner its owner
     * @param video its answer once ready
     */
    private record Ready(Account owner, JsonNode video) {

        String id() {
            return video.path("id").asString();
        }

        String stream() {
            return path(video.path("streamUrl").asString());
        }
    }

    @BeforeEach
    void tools() {
        MediaTools.require("ffmpeg", "ffprobe");
    }

    @Test
    void theMasterForASignedInClientLeadsThroughSignedUrlsToEveryVariantAndSegment() {
        Ready ready = shared();
        HttpResponse<String> master = api.get("/api/v1/videos/" + ready.id() + "/hls/master.m3u8",
                ready.owner().accessToken());
        assertThat(master.statusCode()).as(master.body()).isEqualTo(200);
        assertThat(master.headers().firstValue("Content-Type")).hasValue(PLAYLIST);
        assertThat(master.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(master.body()).startsWith("#EXTM3U").contains("#EXT-X-STREAM-INF:", "RESOLUTION=640x360",
                "CODECS=\"mp4a.40.2\"").containsPattern("RESOLUTION=\\d+x240,");

        List<String> variants = uris(master.body());
        assertThat(variants).as("a variant per rendition").hasSize(ready.video().path("renditions").size())
                .allSatisfy(uri -> assertThat(uri).startsWith(PUBLIC_URL + "/stream/videos/")
                        .endsWith("/index.m3u8").doesNotContain(ready.owner().accessToken()));
        assertThat(variants).anySatisfy(uri -> assertThat(uri).endsWith("/hls/360p/index.m3u8"))
                .anySatisfy(uri -> assertThat(uri).endsWith("/hls/audio/index.m3u8"));

        int segments = 0;
        for (String variant : variants) {
            HttpResponse<String> playlist = anonymousText(path(variant));
            assertThat(playlist.statusCode()).as(variant + ": " + playlist.body()).isEqualTo(200);
            assertThat(playlist.headers().firstValue("Content-Type")).hasValue(PLAYLIST);
            assertThat(playlist.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(playlist.body()).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-MAP:URI=", "#EXT-X-ENDLIST");
            for (String file : uris(playlist.body())) {
                String resolved = URI.create(variant).resolve(file).toString();
                assertThat(resolved).startsWith(variant.substring(0, variant.lastIndexOf('/') + 1));
                HttpResponse<byte[]> segment = anonymous(path(resolved), null);
                assertThat(segment.statusCode()).as(resolved).isEqualTo(200);
                assertThat(segment.headers().firstValue("Content-Type")).hasValue("video/mp4");
                assertThat(segment.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
                assertThat(segment.headers().firstValue("Accept-Ranges")).hasValue("bytes");
                assertThat(segment.body().length).isPositive();
                assertThat(new String(segment.body(), 4, 4, StandardCharsets.US_ASCII)).as("an ISO BMFF box")
                        .isIn("ftyp", "styp", "moof", "sidx");
                segments++;
            }
        }
        assertThat(segments).as("init and media segments of every variant").isGreaterThanOrEqualTo(2 * variants.size());
    }

    @Test
    void ffmpegPlaysTheSignedMasterOverHttpWithoutAnyHeader() throws Exception {
        Ready ready = shared();
        assertThat(ready.video().path("hlsUrl").asString()).isEqualTo(ready.video().path("streamUrl").asString()
                + "/hls/master.m3u8");
        String url = "http://127.0.0.1:" + port + path(ready.video().path("hlsUrl").asString());

        JsonNode probe = Api.json(run(List.of("ffprobe", "-v", "error", "-protocol_whitelist", "http,tcp",
                "-print_format", "json", "-show_format", "-show_streams", url)));
        assertThat(probe.path("streams").valueStream().map(stream -> stream.path("codec_type").asString()))
                .contains("video", "audio");
        assertThat(probe.path("streams").valueStream().filter(stream -> stream.path("codec_type").asString()
                .equals("video")).map(stream -> stream.path("height").asInt())).contains(360, 240);
        assertThat(probe.path("format").path("duration").asDouble()).isBetween(4.0, 6.0);

        // decode the best variant's picture and sound from the first to the last segment
        Path copy = media.resolve("played-" + UUID.randomUUID() + ".mp4");
        run(List.of("ffmpeg", "-hide_banner", "-v", "error", "-protocol_whitelist", "http,tcp", "-i", url,
                "-map", "0:v:0", "-map", "0:a:0", "-c", "copy", copy.toString()));
        JsonNode played = MediaTools.probe(copy);
        assertThat(played.path("format").path("duration").asDouble()).isBetween(4.0, 6.0);
        assertThat(MediaTools.audioCodec(played)).isEqualTo("aac");
    }

    @Test
    void aRangeOfASegmentIsPartialAndCrossOriginPlayersMayReadIt() {
        Ready ready = shared();
        String segment = ready.stream() + "/hls/360p/seg-00001.m4s";
        byte[] whole = anonymous(segment, null).body();
        HttpResponse<byte[]> range = api.sendBytes(api.request(segment).header("Range", "bytes=8-99")
                .header("Origin", "https://app.example.org").GET());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(whole, 8, 100));
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 8-99/" + whole.length);
        assertThat(range.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.org");
        assertThat(range.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                exposed -> assertThat(exposed).contains("Content-Range", "Accept-Ranges"));
        String etag = range.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> unchanged = api.sendBytes(api.request(segment).header("If-None-Match", etag).GET());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
        assertThat(anonymous(segment, "bytes=" + whole.length + "-").statusCode()).isEqualTo(416);
        HttpResponse<byte[]> head = api.sendBytes(api.request(segment).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(whole.length);
    }

    @Test
    void posterAndThumbnailAreWebpAndTheStoryboardsCuesResolveToSprites() throws Exception {
        Ready ready = shared();
        String owner = ready.owner().accessToken();
        for (String[] picture : new String[][] { { "poster", "640" }, { "thumbnail", "320" } }) {
            HttpResponse<byte[]> bearer = api.sendBytes(api.request("/api/v1/videos/" + ready.id() + "/" + picture[0])
                    .header("Authorization", "Bearer " + owner).GET());
            HttpResponse<byte[]> signed = anonymous(path(ready.video().path(picture[0] + "Url").asString()), null);
            for (HttpResponse<byte[]> answer : List.of(bearer, signed)) {
                assertThat(answer.statusCode()).as(picture[0]).isEqualTo(200);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("image/webp");
                assertThat(new String(answer.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
                assertThat(new String(answer.body(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
            }
            assertThat(signed.body()).isEqualTo(bearer.body());
            assertThat(signed.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
            assertThat(bearer.headers().firstValue("Cache-Control")).hasValue("private, max-age=0, must-revalidate");
            Path file = Files.write(media.resolve(picture[0] + "-" + UUID.randomUUID() + ".webp"), bearer.body());
            assertThat(MediaTools.probe(file).path("streams").path(0).path("width").asInt())
                    .isEqualTo(Integer.parseInt(picture[1]));
        }

        String storyboardUrl = ready.video().path("storyboardUrl").asString();
        HttpResponse<String> storyboard = anonymousText(path(storyboardUrl));
        assertThat(storyboard.statusCode()).isEqualTo(200);
        assertThat(storyboard.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/vtt"));
        assertThat(storyboard.body()).startsWith("WEBVTT");
        assertThat(api.get("/api/v1/videos/" + ready.id() + "/storyboard.vtt", owner).body())
                .isEqualTo(storyboard.body());
        Matcher cue = Pattern.compile("(?m)^\\S+ --> \\S+\\R(\\S+)#xywh=(\\d+),(\\d+),(\\d+),(\\d+)$")
                .matcher(storyboard.body());
        Set<String> sprites = new LinkedHashSet<>();
        int cues = 0;
        while (cue.find()) {
            cues++;
            String sprite = cue.group(1);
            assertThat(sprite).matches("storyboard/[a-z0-9-]+\\.jpg");
            if (sprites.add(sprite)) {
                HttpResponse<byte[]> sheet = anonymous(path(URI.create(storyboardUrl).resolve(sprite).toString()), null);
                assertThat(sheet.statusCode()).as(sprite).isEqualTo(200);
                assertThat(sheet.headers().firstValue("Content-Type")).hasValue("image/jpeg");
                Path file = Files.write(media.resolve("sprite-" + UUID.randomUUID() + ".jpg"), sheet.body());
                JsonNode size = MediaTools.probe(file).path("streams").path(0);
                assertThat(Integer.parseInt(cue.group(2)) + Integer.parseInt(cue.group(4)))
                        .isLessThanOrEqualTo(size.path("width").asInt());
                assertThat(Integer.parseInt(cue.group(3)) + Integer.parseInt(cue.group(5)))
                        .isLessThanOrEqualTo(size.path("height").asInt());
                HttpResponse<byte[]> bearer = api.sendBytes(api.request("/api/v1/videos/" + ready.id() + "/" + sprite)
                        .header("Authorization", "Bearer " + owner).GET());
                assertThat(bearer.statusCode()).isEqualTo(200);
                assertThat(bearer.body()).isEqualTo(sheet.body());
            }
        }
        assertThat(cues).as(storyboard.body()).isPositive();
    }

    @Test
    void anAlteredForeignOrExpiredUrlGetsAProblemAndNoBytes() throws Exception {
        Ready ready = shared();
        String stream = ready.stream();
        String token = stream.substring("/stream/videos/".length());
        String[] parts = token.split("\\.");
        String segment = "/hls/360p/init.mp4";
        assertThat(anonymous(stream + segment, null).statusCode()).isEqualTo(200);

        Account other = users.user();
        String otherVideo = create(other, "private").path("id").asString();
        char last = token.charAt(token.length() - 1);
        for (String forged : new String[] {
                token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'),
                String.join(".", parts[0], otherVideo, parts[2], parts[3], parts[4]),
                String.join(".", parts[0], parts[1], other.id(), parts[3], parts[4]),
                String.join(".", "t1", parts[1], parts[2], parts[3], parts[4]) }) {
            for (String file : List.of(segment, "/hls/master.m3u8", "/hls/360p/index.m3u8", "/poster.webp",
                    "/storyboard.vtt", "/storyboard/sprite-000.jpg")) {
                HttpResponse<String> refused = anonymousText("/stream/videos/" + forged + file);
                assertProblem(refused, 403, "link-invalid");
                assertThat(refused.body()).doesNotContain("ftyp", "#EXTM3U", "WEBVTT");
            }
        }

        // the other user's private video: their files are nobody else's, by id or with a token of one's own
        assertProblem(api.get("/api/v1/videos/" + otherVideo + "/hls/master.m3u8", ready.owner().accessToken()), 404,
                "not-found");
        assertProblem(api.get("/api/v1/videos/" + otherVideo + "/poster", ready.owner().accessToken()), 404,
                "not-found");
        assertProblem(api.get("/api/v1/videos/" + otherVideo + "/storyboard.vtt", ready.owner().accessToken()), 404,
                "not-found");

        String expired = TestStreamUrls.expiredVideoStream(security, delivery, encore, UUID.fromString(ready.id()),
                UUID.fromString(ready.owner().id()));
        for (String file : List.of("/hls/master.m3u8", segment, "/thumbnail.webp")) {
            assertProblem(anonymousText(expired + file), 410, "link-expired");
        }
    }

    @Test
    void aListenersUrlStopsWorkingWhenTheVideoTurnsPrivate() {
        Account owner = users.user();
        Ready ready = ready(owner, create(owner, "public"));
        Account viewer = users.user();
        JsonNode seen = Api.json(api.get("/api/v1/videos/" + ready.id(), viewer.accessToken()));
        String viewerStream = path(seen.path("streamUrl").asString());
        assertThat(anonymous(viewerStream + "/hls/360p/init.mp4", null).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/videos/" + ready.id() + "/hls/master.m3u8", viewer.accessToken()).statusCode())
                .isEqualTo(200);

        HttpResponse<String> hidden = api.send("PATCH", "/api/v1/videos/" + ready.id(), owner.accessToken(),
                "{\"visibility\":\"private\"}");
        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(200);
        assertProblem(anonymousText(viewerStream + "/hls/360p/init.mp4"), 404, "not-found");
        assertProblem(anonymousText(viewerStream + "/hls/master.m3u8"), 404, "not-found");
        assertProblem(api.get("/api/v1/videos/" + ready.id() + "/hls/master.m3u8", viewer.accessToken()), 404,
                "not-found");
        assertThat(anonymous(ready.stream() + "/hls/360p/init.mp4", null).statusCode()).as("the owner still plays it")
                .isEqualTo(200);
    }

    @Test
    void namesOutsideTheLayoutAreNotFoundBeforeAnyLookup() {
        Ready ready = shared();
        String stream = ready.stream();
        for (String unknown : List.of("/hls/360p/seg-99999.m4s", "/hls/2160p/index.m3u8", "/hls/360p/poster.webp",
                "/hls/360p/index.M3U8", "/hls/360p/init.mp4.exe", "/hls/-/init.mp4", "/hls/index.m3u8",
                "/storyboard/sprite-999.jpg", "/storyboard/sprite-000.png", "/storyboard/..jpg", "/hls/360p/.m4s")) {
            assertProblem(anonymousText(stream + unknown), 404, "not-found");
        }
        for (String escaping : List.of("/hls/360p/..%2Fmaster.m3u8", "/hls/..%2F..%2Fposter.webp")) {
            HttpResponse<String> refused = anonymousText(stream + escaping);
            assertThat(refused.statusCode()).as(escaping).isIn(400, 404);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertProblem(api.get("/api/v1/videos/" + ready.id() + "/storyboard/sprite-000.png",
                ready.owner().accessToken()), 404, "not-found");
    }

    @Test
    void aVideoStillProcessingPlaysOnlyItsOriginal() {
        Account owner = users.user();
        JsonNode created = create(owner, "private");
        String id = created.path("id").asString();
        HttpResponse<String> master = api.get("/api/v1/videos/" + id + "/hls/master.m3u8", owner.accessToken());
        HttpResponse<String> signed = anonymousText(path(created.path("streamUrl").asString()) + "/hls/master.m3u8");
        JsonNode after = Api.json(api.get("/api/v1/videos/" + id, owner.accessToken()));
        org.junit.jupiter.api.Assumptions.assumeTrue(after.path("processing").path("state").asString()
                .equals("processing"), "processing ended before the playlist was asked for");
        assertThat(created.hasNonNull("hlsUrl")).as("no HLS before processing ends").isFalse();
        assertProblem(master, 409, "video-not-ready");
        assertProblem(signed, 409, "video-not-ready");
        assertThat(anonymous(path(created.path("streamUrl").asString()), "bytes=0-9").statusCode())
                .as("the original plays meanwhile").isEqualTo(206);
    }

    // --- fixtures

    private Ready shared() {
        synchronized (VideoHlsIT.class) {
            if (shared == null) {
                Account owner = users.user();
                shared = ready(owner, create(owner, "public"));
            }
            return shared;
        }
    }

    /** A 5-second 640×360 test picture with a tone, uploaded and saved as a video of {@code owner}'s. */
    private JsonNode create(Account owner, String visibility) {
        try {
            Path clip = media.resolve("hls-clip.mp4");
            synchronized (VideoHlsIT.class) {
                if (!Files.exists(clip)) {
                    run(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                            "testsrc2=size=640x360:rate=25:duration=5", "-f", "lavfi", "-i",
                            "sine=frequency=440:duration=5", "-c:v", "libx264", "-preset", "veryfast", "-crf", "32",
                            "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest", clip.toString()));
                }
            }
            HttpResponse<String> uploaded = api.send(Multipart.upload(api, "/api/v1/uploads", owner.accessToken(),
                    "clip.mp4", "video/mp4", Files.readAllBytes(clip)));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            HttpResponse<String> created = api.postJson("/api/v1/videos", "{\"uploadId\":\""
                    + Api.json(uploaded).path("id").asString() + "\",\"visibility\":\"" + visibility + "\"}",
                    owner.accessToken());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return Api.json(created);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Waits for the video's processing to finish; polls from fresh client addresses (the API's rate limit). */
    private Ready ready(Account owner, JsonNode created) {
        String id = created.path("id").asString();
        JsonNode[] last = { created };
        Api[] poller = { new Api(port) };
        int[] polls = { 0 };
        org.awaitility.Awaitility.await().atMost(PROCESSING).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (++polls[0] % 30 == 0) {
                poller[0] = new Api(port);
            }
            last[0] = Api.json(poller[0].get("/api/v1/videos/" + id, owner.accessToken()));
            String state = last[0].path("processing").path("state").asString();
            assertThat(state).as(last[0].toString()).isIn("processing", "ready");
            return state.equals("ready");
        });
        return new Ready(owner, last[0]);
    }

    /** A tool's standard output; fails with its errors when it does not exit 0. */
    private static String run(List<String> command) throws IOException {
        Path errors = Files.createTempFile(media, "tool-", ".log");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(() -> command + ": " + read(errors)).isZero();
            return out;
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            return "(unreadable)";
        }
    }

    /** Every URI of a playlist: its URI lines and URI="…" attributes, in order. */
    private static List<String> uris(String playlist) {
        List<String> uris = new ArrayList<>();
        for (String line : playlist.split("\\R")) {
            if (line.startsWith("#")) {
                Matcher attribute = URI_ATTRIBUTE.matcher(line);
                while (attribute.find()) {
                    uris.add(attribute.group(1));
                }
            }
            else if (!line.isBlank()) {
                uris.add(line.strip());
            }
        }
        return uris;
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    /** A request as a player sends it: no Authorization header. */
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
