package dev.encore.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.encore.support.Api;
import dev.encore.support.MediaTools;
import dev.encore.support.Multipart;
import dev.encore.support.TestAccounts.Account;

/** Library content made through the public API: an upload of a tone (2 seconds unless asked) saved as a track. */
public final class LibraryFixtures {

    private static final Random RANDOM = new Random();

    private final Api api;
    private final byte[] song;
    private final Path dir;

    private LibraryFixtures(Api api, byte[] song, Path dir) {
        this.api = api;
        this.song = song;
        this.dir = dir;
    }

    /** Fixtures for {@code api}; the tone (2 seconds) is made once into {@code dir}. */
    public static LibraryFixtures of(Api api, Path dir) throws Exception {
        return of(api, dir, 2);
    }

    /** Fixtures whose tracks last {@code seconds} (long enough to seek in, for players); made once into {@code dir}. */
    public static LibraryFixtures of(Api api, Path dir, int seconds) throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        Path tone = dir.resolve("fixture-tone-" + seconds + "s.mp3");
        if (!Files.exists(tone)) {
            MediaTools.tone(tone, "Fixture Tone", 440, seconds);
        }
        return new LibraryFixtures(api, Files.readAllBytes(tone), dir);
    }

    /** A word no other run of the suite has used (the services database is kept between runs). */
    public static String uniqueWord(int letters) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < letters; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    /** A new track of {@code owner}'s with these fields (title, artist, album, visibility, tags, …). */
    public JsonNode track(Account owner, String... fieldsAndValues) {
        return save(owner, "/api/v1/tracks", "tone.mp3", "audio/mpeg", song, fieldsAndValues);
    }

    /** A new track of {@code owner}'s from the MP3 file {@code audio}, with these fields. */
    public JsonNode track(Account owner, Path audio, String... fieldsAndValues) throws Exception {
        return save(owner, "/api/v1/tracks", audio.getFileName().toString(), "audio/mpeg", Files.readAllBytes(audio),
                fieldsAndValues);
    }

    /**
     * A new track like {@link #track} whose file has an embedded cover picture: a 256×256 gradient
     * between two colours ({@code "0x7f5af0"}).
     */
    public JsonNode trackWithCover(Account owner, String from, String to, String... fieldsAndValues)
            throws Exception {
        Path tone = dir.resolve("fixture-cover-" + from + "-" + to + ".mp3");
        if (!Files.exists(tone)) {
            MediaTools.tone(tone, "Fixture Tone", 440, 2,
                    "gradients=s=256x256:c0=" + from + ":c1=" + to + ":x0=0:y0=0:x1=256:y1=256:d=1");
        }
        return save(owner, "/api/v1/tracks", "tone.mp3", "audio/mpeg", Files.readAllBytes(tone), fieldsAndValues);
    }

    /** A new video of {@code owner}'s (a 2-second test picture with a tone) with these fields. */
    public JsonNode video(Account owner, String... fieldsAndValues) throws Exception {
        Path clip = dir.resolve("fixture-clip.mp4");
        if (!Files.exists(clip)) {
            MediaTools.video(clip, 2);
        }
        return save(owner, "/api/v1/videos", "clip.mp4", "video/mp4", Files.readAllBytes(clip), fieldsAndValues);
    }

    /**
     * A new video of {@code owner}'s: a {@code seconds}-long moving test pattern at {@code height}p (16:9) with a
     * tone, made once per length and size, with these fields.
     */
    public JsonNode video(Account owner, int seconds, int height, String... fieldsAndValues) throws Exception {
        int width = height * 16 / 9 / 2 * 2;
        Path clip = dir.resolve("fixture-clip-" + seconds + "s-" + height + "p.mp4");
        if (!Files.exists(clip)) {
            MediaTools.video(clip, seconds, width, height);
        }
        return save(owner, "/api/v1/videos", "clip.mp4", "video/mp4", Files.readAllBytes(clip), fieldsAndValues);
    }

    private JsonNode save(Account owner, String collection, String name, String type, byte[] bytes,
            String... fieldsAndValues) {
        HttpResponse<String> uploaded = api.send(Multipart.upload(api, "/api/v1/uploads", owner.accessToken(),
                name, type, bytes));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("uploadId",
                Api.json(uploaded).path("id").asString());
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i].equals("tags")) {
                body.putArray("tags").add(fieldsAndValues[i + 1]);
            }
            else if (fieldsAndValues[i].equals("year")) { // a number: the API takes no "2021" for one
                body.put("year", Integer.parseInt(fieldsAndValues[i + 1]));
            }
            else if (fieldsAndValues[i].equals("featured")) {
                body.put("featured", Boolean.parseBoolean(fieldsAndValues[i + 1]));
            }
            else {
                body.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }
        HttpResponse<String> created = api.postJson(collection, body.toString(), owner.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created);
    }
}
