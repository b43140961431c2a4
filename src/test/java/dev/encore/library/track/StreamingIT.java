package dev.encore.library.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.HeaderAssert;
import dev.encore.support.IntegrationTest;
import dev.encore.support.MediaTools;
import dev.encore.support.Metrics;
import dev.encore.support.ProblemAssert;
import dev.encore.support.TestAccounts.Account;

/**
 * Transcoded streams: an exact length and Range from the first request, conditional requests,
 * one transcode for concurrent requests; and plays recorded from the stream and from players.
 */
class StreamingIT extends IntegrationTest {

    @TempDir
    static Path media;

    private LibraryFixtures library;

    @BeforeEach
    void fixtures() throws Exception {
        library = LibraryFixtures.of(api, media);
    }

    @Test
    void aTranscodedStreamHasAnExactLengthAndHonoursRangeFromTheFirstRequest() throws Exception {
        Account user = users.user();
        String id = library.track(user, "title", "Transcoded", "artist", "Encoder").path("id").asString();
        String path = "/api/v1/tracks/" + id + "/stream?format=mp3&bitrate=64";

        HttpResponse<byte[]> first = bytes(user, path, "bytes=0-99");
        assertThat(first.statusCode()).isEqualTo(206);
        long length = totalLength(first);
        assertThat(first.body()).hasSize(100);
        assertThat(first.headers().firstValue("Content-Length")).contains("100");
        assertThat(first.headers().firstValue("Content-Type")).contains("audio/mpeg");

        HttpResponse<byte[]> whole = bytes(user, path, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(length);
        assertThat(whole.body()).hasSize((int) length).startsWith(first.body());
        HttpResponse<byte[]> tail = bytes(user, path, "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole.body(), (int) length - 10, (int) length));

        Path file = Files.write(media.resolve("rendition.mp3"), whole.body());
        JsonNode probe = MediaTools.probe(file);
        assertThat(MediaTools.audioCodec(probe)).isEqualTo("mp3");
        assertThat(probe.path("format").path("bit_rate").asLong()).isBetween(56_000L, 72_000L);
        assertThat(probe.path("format").path("duration").asDouble()).isBetween(1.8, 2.3);

        String etag = whole.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> original = bytes(user, "/api/v1/tracks/" + id + "/stream", null);
        assertThat(etag).isNotEqualTo(original.headers().firstValue("ETag").orElseThrow());
        HttpResponse<byte[]> cached = api.sendBytes(api.request(path).header("Authorization",
                "Bearer " + user.accessToken()).header("If-None-Match", etag).GET());
        assertThat(cached.statusCode()).isEqualTo(304);
        // RFC 9110 §13.1.2: "*" matches any current representation, and one tag of a list is enough
        for (String anyOf : List.of("*", "\"elsewhere\", " + etag, "W/" + etag)) {
            HttpResponse<byte[]> conditional = api.sendBytes(api.request(path).header("Authorization",
                    "Bearer " + user.accessToken()).header("If-None-Match", anyOf).GET());
            assertThat(conditional.statusCode()).as(anyOf).isEqualTo(304);
            assertThat(conditional.body()).as(anyOf).isEmpty();
        }
        for (HttpResponse<byte[]> answer : List.of(first, whole, tail, original, cached)) {
            HeaderAssert.eachOnce(answer, "ETag", "Last-Modified", "Vary");
        }
        assertThat(bytes(user, path, "bytes=" + length + "-").statusCode()).isEqualTo(416);
    }

    @Test
    void opusAndAacRenditionsAreWhatTheySayTheyAre() throws Exception {
        Account user = users.user();
        String id = library.track(user, "title", "Formats", "artist", "Encoder").path("id").asString();
        for (String[] format : new String[][] { { "opus", "opus", "audio/ogg" }, { "aac", "aac", "audio/mp4" } }) {
            HttpResponse<byte[]> response = bytes(user, "/api/v1/tracks/" + id + "/stream?format=" + format[0], null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(format[2]));
            Path file = Files.write(media.resolve("rendition." + format[0]), response.body());
            assertThat(MediaTools.audioCodec(MediaTools.probe(file))).isEqualTo(format[1]);
        }
    }

    @Test
    void opusAt320PlaysForMonoTracksAtTheMostOneChannelTakes() throws Exception {
        Account user = users.user();
        String title = LibraryFixtures.uniqueWord(10); // new bytes: a rendition no earlier run of the suite made
        for (int channels : new int[] { 1, 2 }) {
            Path tone = MediaTools.channelTone(media.resolve("tone-" + channels + "ch.mp3"), title, 2, channels);
            String id = library.track(user, tone, "title", title, "artist", "Channels").path("id").asString();
            String path = "/api/v1/tracks/" + id + "/stream?format=opus&bitrate=320";
            HttpResponse<byte[]> response = bytes(user, path, null);
            assertThat(response.statusCode()).as(channels + " channel(s): libopus takes 256 kbit/s a channel, "
                    + "so mono is made at 256").isEqualTo(200);
            JsonNode probe = MediaTools.probe(Files.write(media.resolve("rendition-" + channels + "ch.opus"),
                    response.body()));
            assertThat(MediaTools.audioCodec(probe)).isEqualTo("opus");
            assertThat(MediaTools.audioChannels(probe)).isEqualTo(channels);
            double transcodes = transcodes();
            assertThat(bytes(user, path, "bytes=0-9").statusCode()).isEqualTo(206);
            assertThat(transcodes()).as("made once, then served").isEqualTo(transcodes);
        }
    }

    @Test
    void concurrentRequestsForANewRenditionShareOneTranscode() {
        Account user = users.user();
        String id = library.track(user, "title", "Shared", "artist", "Encoder").path("id").asString();
        double before = transcodes();
        // a rendition no other test of this JVM asks for (the fixture tone's bytes are shared)
        String path = "/api/v1/tracks/" + id + "/stream?format=opus&bitrate=160";
        List<CompletableFuture<HttpResponse<byte[]>>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> bytes(user, path, null)));
        }
        List<HttpResponse<byte[]>> responses = requests.stream().map(CompletableFuture::join).toList();
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(responses.getFirst().body());
        });
        assertThat(transcodes() - before).isEqualTo(1.0);
    }

    @Test
    void badRenditionParametersAndOthersPrivateTracksAreRefused() {
        Account owner = users.user();
        String id = library.track(owner, "title", "Mine", "artist", "Me").path("id").asString();
        String stream = "/api/v1/tracks/" + id + "/stream";
        ProblemAssert.assertInvalidField(api.get(stream + "?format=flac", owner.accessToken()), "format");
        ProblemAssert.assertInvalidField(api.get(stream + "?bitrate=8", owner.accessToken()), "bitrate");
        ProblemAssert.assertInvalidField(api.get(stream + "?bitrate=100", owner.accessToken()), "bitrate");
        ProblemAssert.assertInvalidField(api.get(stream + "?format=mp3&bitrate=999", owner.accessToken()), "bitrate");
        ProblemAssert.assertProblem(api.get(stream + "?format=mp3", users.user().accessToken()), 404, "not-found");
    }

    @Test
    void aStreamFromTheFirstByteIsAPlayAndPlayersReportProgress() {
        Account user = users.user();
        JsonNode track = library.track(user, "title", "Played", "artist", "Listener");
        String stream = "/api/v1/tracks/" + track.path("id").asString() + "/stream";

        HttpResponse<byte[]> whole = bytes(user, stream, null);
        String play = whole.headers().firstValue("Encore-Play-Id").orElseThrow();
        assertThat(bytes(user, stream, "bytes=1000-").headers().firstValue("Encore-Play-Id"))
                .as("a seek is not a new play").isEmpty();
        assertThat(bytes(user, stream, "bytes=0-1").headers().firstValue("Encore-Play-Id"))
                .as("nor a player's probe").isEmpty();
        HttpResponse<byte[]> unchanged = api.sendBytes(api.request(stream).header("Authorization", "Bearer "
                + user.accessToken()).header("If-None-Match", whole.headers().firstValue("ETag").orElseThrow()).GET());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(api.sendBytes(api.request(stream).header("Authorization", "Bearer " + user.accessToken())
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).headers().firstValue("Encore-Play-Id")).isEmpty();

        JsonNode plays = Api.json(api.get("/api/v1/plays", user.accessToken()));
        assertThat(plays.path("totalItems").asLong()).as("the 304 was not a play").isEqualTo(1);
        JsonNode recorded = plays.path("items").get(0);
        assertThat(recorded.path("id").asString()).isEqualTo(play);
        assertThat(recorded.path("trackId").asString()).isEqualTo(track.path("id").asString());
        // a small file is written through the JVM, byte by byte counted (large ranges go by sendfile)
        assertThat(recorded.path("msListened").asLong()).as("all bytes sent: the whole track")
                .isEqualTo(track.path("durationMs").asLong());

        HttpResponse<String> reported = api.send("PUT", "/api/v1/plays/" + play, user.accessToken(),
                "{\"msListened\":1500}");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        assertThat(Api.json(reported).path("msListened").asLong()).isEqualTo(1500);
        assertThat(Api.json(api.send("PUT", "/api/v1/plays/" + play, user.accessToken(), "{\"msListened\":99999999}"))
                .path("msListened").asLong()).as("capped at the duration").isEqualTo(track.path("durationMs").asLong());
        ProblemAssert.assertInvalidField(api.send("PUT", "/api/v1/plays/" + play, user.accessToken(),
                "{\"msListened\":-1}"), "msListened");
        ProblemAssert.assertProblem(api.send("PUT", "/api/v1/plays/" + play, users.user().accessToken(),
                "{\"msListened\":1}"), 404, "not-found");
    }

    private double transcodes() {
        return Metrics.value(api, tokens.admin(), "encore_stream_transcodes_total");
    }

    private HttpResponse<byte[]> bytes(Account user, String path, String range) {
        HttpRequest.Builder request = api.request(path).header("Authorization", "Bearer " + user.accessToken()).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return api.sendBytes(request);
    }

    private static long totalLength(HttpResponse<?> partial) {
        String contentRange = partial.headers().firstValue("Content-Range").orElseThrow();
        return Long.parseLong(contentRange.substring(contentRange.indexOf('/') + 1));
    }
}
