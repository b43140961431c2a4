package dev.encore.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.encore.support.MediaTools;

/**
 * The HLS ladder, poster, thumbnail and storyboard made by the real ffmpeg from generated test
 * patterns, every output checked with ffprobe.
 */
class VideoProcessorTests {

    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Z-]+)=(\"[^\"]*\"|[^,]*)");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*(/[a-z0-9][a-z0-9.-]*)?");

    @TempDir
    static Path sources;

    @TempDir
    Path out;

    static Path hd;
    static Path small;
    static Path portrait;
    static Path silent;

    @BeforeAll
    static void generateSources() throws Exception {
        MediaTools.require("ffmpeg", "ffprobe");
        hd = MediaTools.testPattern(sources.resolve("hd.mp4"), 1920, 1080, 6, true, 0);
        small = MediaTools.testPattern(sources.resolve("small.mp4"), 640, 360, 7, true, 0);
        portrait = MediaTools.testPattern(sources.resolve("portrait.mp4"), 640, 360, 6, true, 90);
        silent = MediaTools.testPattern(sources.resolve("silent.mp4"), 480, 270, 6, false, 0);
    }

    private static VideoProcessor processor(Duration jobTimeout) {
        return new VideoProcessor(new ProcessRunner(),
                new MediaProperties(Path.of("yt-dlp"), Path.of("ffmpeg"), Path.of("ffprobe"), Duration.ofMinutes(1), Duration.ZERO),
                new VideoProperties(1, 0, jobTimeout, Duration.ofSeconds(4), List.of(1080, 720, 480, 360, 240),
                        Duration.ofSeconds(5)),
                JsonMapper.builder().build());
    }

    private final VideoProcessor processor = processor(Duration.ofMinutes(10));

    @Test
    void inspectsSizeFrameRateCodecsAndDuration() throws Exception {
        VideoSource info = processor.inspect(small);
        assertThat(info.width()).isEqualTo(640);
        assertThat(info.height()).isEqualTo(360);
        assertThat(info.frameRate()).isCloseTo(30, within(0.01));
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.durationMs()).isBetween(6900L, 7100L);
        assertThat(processor.inspect(silent).audioCodec()).isNull();
    }

    @Test
    void inspectsAPortraitPhoneVideoByItsDisplayRotation() throws Exception {
        VideoSource info = processor.inspect(portrait);
        assertThat(info.width()).isEqualTo(360);
        assertThat(info.height()).isEqualTo(640);
    }

    @Test
    void refusesSoundOnlyACoverPictureAndUnreadableFiles() throws Exception {
        Path tone = MediaTools.tone(out.resolve("tone.mp3"), "Tone", 440, 2);
        Path covered = MediaTools.tone(out.resolve("covered.mp3"), "Covered", 440, 2, true);
        Path garbage = Files.writeString(out.resolve("garbage.mp4"), "not a video at all");
        for (Path file : List.of(tone, covered, garbage)) {
            assertThatThrownBy(() -> processor.inspect(file)).isInstanceOf(NotAVideoException.class);
        }
    }

    @Test
    void makesTheWholeLadderOfA1080pVideo() throws Exception {
        VideoSource info = processor.inspect(hd);
        List<Integer> progress = new CopyOnWriteArrayList<>();
        VideoOutput output = processor.process(hd, info, out, progress::add, () -> false);

        assertThat(output.renditions()).extracting(VideoRendition::name)
                .containsExactly("1080p", "720p", "480p", "360p", "240p", "audio");
        assertThat(output.renditions()).extracting(r -> r.width() + "x" + r.height())
                .containsExactly("1920x1080", "1280x720", "854x480", "640x360", "426x240", "0x0");
        checkOutput(output, info, true);
        assertThat(progress).isSortedAccordingTo(Integer::compare).doesNotHaveDuplicates().contains(0).endsWith(100);
        assertThat(progress.size()).isGreaterThan(2);
        assertThat(width(out.resolve("poster.webp"))).isEqualTo(1280);
        assertThat(width(out.resolve("thumbnail.webp"))).isEqualTo(320);
    }

    @Test
    void neverMakesARenditionAboveTheSource() throws Exception {
        VideoSource info = processor.inspect(small);
        VideoOutput output = processor.process(small, info, out, percent -> { }, () -> false);
        assertThat(output.renditions()).extracting(VideoRendition::name).containsExactly("360p", "240p", "audio");
        checkOutput(output, info, true);
        assertThat(width(out.resolve("poster.webp"))).isEqualTo(640);
    }

    @Test
    void keepsAPortraitVideoUpright() throws Exception {
        VideoSource info = processor.inspect(portrait);
        VideoOutput output = processor.process(portrait, info, out, percent -> { }, () -> false);
        assertThat(output.renditions()).extracting(r -> r.name() + " " + r.width() + "x" + r.height())
                .containsExactly("360p 360x640", "240p 240x426", "audio 0x0");
        checkOutput(output, info, true);
        assertThat(width(out.resolve("poster.webp"))).isEqualTo(360);
    }

    @Test
    void aVideoWithoutSoundGetsNoAudioRendition() throws Exception {
        VideoSource info = processor.inspect(silent);
        VideoOutput output = processor.process(silent, info, out, percent -> { }, () -> false);
        assertThat(output.renditions()).extracting(VideoRendition::name).containsExactly("240p");
        assertThat(output.renditions().getFirst().codecs()).doesNotContain("mp4a");
        checkOutput(output, info, false);
    }

    @Test
    void cancellingKillsFfmpegAndThrows() throws Exception {
        VideoSource info = processor.inspect(hd);
        List<Integer> progress = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        assertThatThrownBy(() -> processor.process(hd, info, out, progress::add, () -> progress.size() > 1))
                .isInstanceOf(CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(progress).doesNotContain(100);
        assertThat(Files.exists(out.resolve("master.m3u8"))).isFalse();
    }

    @Test
    void aJobPastItsTimeLimitFailsForGoodInPlainWords() throws Exception {
        VideoSource info = processor.inspect(hd);
        assertThatThrownBy(() -> processor(Duration.ofMillis(300)).process(hd, info, out, percent -> { }, () -> false))
                .isInstanceOfSatisfying(VideoProcessingException.class, ex -> {
                    assertThat(ex.isTransient()).isFalse();
                    assertThat(ex.reason()).isEqualTo("Processing the video took too long (the limit is 1 second)");
                });
    }

    @Test
    void aBrokenFileFailsWithAReasonInPlainWordsNotTheToolsOutput() throws Exception {
        VideoSource info = processor.inspect(small);
        byte[] bytes = Files.readAllBytes(small);
        Path broken = Files.write(out.resolve("broken.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path dir = Files.createDirectory(out.resolve("out"));
        assertThatThrownBy(() -> processor.process(broken, info, dir, percent -> { }, () -> false))
                .isInstanceOfSatisfying(VideoProcessingException.class, ex -> {
                    assertThat(ex.isTransient()).isFalse();
                    assertThat(ex.reason()).startsWith("The video could not be converted")
                            .doesNotContain(broken.toString()).doesNotContain("moov");
                });
    }

    /** Every rendition, the master playlist, poster, thumbnail and storyboard. */
    private void checkOutput(VideoOutput output, VideoSource info, boolean audio) throws Exception {
        assertThat(output.files().getFirst().name()).isEqualTo("master.m3u8");
        assertThat(output.files()).allSatisfy(file -> {
            assertThat(file.name()).matches(NAME);
            assertThat(file.path()).isEqualTo(out.resolve(file.name())).isRegularFile();
            assertThat(Files.size(file.path())).isPositive();
        });
        try (var all = Files.walk(out)) { // nothing made that is not listed
            assertThat(all.filter(Files::isRegularFile).map(out::relativize).map(Path::toString))
                    .containsExactlyInAnyOrderElementsOf(output.files().stream().map(OutputFile::name).toList());
        }
        assertThat(output.files()).extracting(OutputFile::name)
                .contains("poster.webp", "thumbnail.webp", "storyboard.vtt", "storyboard/sprite-000.jpg");
        List<Map<String, String>> master = checkMaster(output);
        for (int i = 0; i < output.renditions().size(); i++) {
            checkRendition(output.renditions().get(i), master.get(i), info, audio);
        }
        checkPicture(out.resolve("poster.webp"));
        checkPicture(out.resolve("thumbnail.webp"));
        checkStoryboard(info);
    }

    private List<Map<String, String>> checkMaster(VideoOutput output) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("master.m3u8"), StandardCharsets.UTF_8);
        assertThat(lines).startsWith("#EXTM3U").contains("#EXT-X-VERSION:7", "#EXT-X-INDEPENDENT-SEGMENTS");
        List<Map<String, String>> variants = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("#EXT-X-STREAM-INF:")) {
                Map<String, String> attributes = new LinkedHashMap<>();
                Matcher matcher = ATTRIBUTE.matcher(lines.get(i).substring("#EXT-X-STREAM-INF:".length()));
                while (matcher.find()) {
                    attributes.put(matcher.group(1), matcher.group(2).replace("\"", ""));
                }
                attributes.put("URI", lines.get(i + 1));
                variants.add(attributes);
            }
        }
        assertThat(variants).hasSameSizeAs(output.renditions());
        for (int i = 0; i < variants.size(); i++) {
            Map<String, String> variant = variants.get(i);
            VideoRendition rendition = output.renditions().get(i);
            assertThat(variant.get("URI")).isEqualTo(rendition.name() + "/index.m3u8");
            assertThat(out.resolve(variant.get("URI"))).isRegularFile();
            assertThat(Long.parseLong(variant.get("BANDWIDTH"))).isEqualTo(rendition.bandwidth())
                    .isGreaterThanOrEqualTo(Long.parseLong(variant.get("AVERAGE-BANDWIDTH")));
            assertThat(Long.parseLong(variant.get("AVERAGE-BANDWIDTH"))).isEqualTo(rendition.averageBandwidth())
                    .isPositive();
            assertThat(variant.get("CODECS")).isEqualTo(rendition.codecs());
            if (rendition.audioOnly()) {
                assertThat(variant).doesNotContainKeys("RESOLUTION", "FRAME-RATE");
                assertThat(variant.get("CODECS")).isEqualTo("mp4a.40.2");
            }
            else {
                assertThat(variant.get("RESOLUTION")).isEqualTo(rendition.width() + "x" + rendition.height());
                assertThat(Double.parseDouble(variant.get("FRAME-RATE"))).isCloseTo(30, within(0.01));
                assertThat(variant.get("CODECS")).matches("avc1\\.64[0-9a-f]{4}(,mp4a\\.40\\.2)?");
            }
        }
        return variants;
    }

    private void checkRendition(VideoRendition rendition, Map<String, String> variant, VideoSource info,
            boolean audio) throws Exception {
        Path dir = out.resolve(rendition.name());
        List<String> playlist = Files.readAllLines(dir.resolve("index.m3u8"), StandardCharsets.UTF_8);
        assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-MAP:URI=\"init.mp4\"", "#EXT-X-ENDLIST");
        List<Double> durations = playlist.stream().filter(line -> line.startsWith("#EXTINF:"))
                .map(line -> Double.parseDouble(line.substring(8, line.indexOf(',')))).toList();
        assertThat(durations).isNotEmpty().allSatisfy(seconds -> assertThat(seconds).isBetween(0.0, 5.0));
        assertThat(playlist.stream().filter(line -> line.startsWith("seg-")))
                .allSatisfy(uri -> assertThat(uri).matches("seg-\\d{5}\\.m4s")).startsWith("seg-00001.m4s");

        JsonNode probe = MediaTools.probe(dir.resolve("index.m3u8"));
        assertThat(probe.path("format").path("duration").asDouble() * 1000)
                .isCloseTo(info.durationMs(), within(1000.0));
        List<JsonNode> streams = probe.path("streams").valueStream().toList();
        if (rendition.audioOnly()) {
            assertThat(streams).extracting(s -> s.path("codec_name").asString()).containsExactly("aac");
            return;
        }
        JsonNode video = streams.stream().filter(s -> s.path("codec_type").asString().equals("video")).findFirst()
                .orElseThrow();
        assertThat(video.path("codec_name").asString()).isEqualTo("h264");
        assertThat(video.path("profile").asString()).isEqualTo("High");
        assertThat(video.path("width").asInt() + "x" + video.path("height").asInt()).isEqualTo(variant.get("RESOLUTION"));
        assertThat(streams.stream().anyMatch(s -> s.path("codec_name").asString().equals("aac"))).isEqualTo(audio);
        String level = Integer.toHexString(video.path("level").asInt());
        assertThat(rendition.codecs()).startsWith("avc1.6400" + (level.length() == 1 ? "0" + level : level));
    }

    /** A WebP picture that is not black. */
    private static void checkPicture(Path picture) throws Exception {
        JsonNode probe = MediaTools.probe(picture);
        assertThat(probe.path("streams").get(0).path("codec_name").asString()).isEqualTo("webp");
        assertThat(meanLuma(picture)).isGreaterThan(40);
    }

    private void checkStoryboard(VideoSource info) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("storyboard.vtt"), StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("WEBVTT");
        long expectedStart = 0;
        Pattern cue = Pattern.compile("(\\S+) --> (\\S+)");
        Pattern target = Pattern.compile("(storyboard/sprite-\\d{3}\\.jpg)#xywh=(\\d+),(\\d+),(\\d+),(\\d+)");
        int cues = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher times = cue.matcher(lines.get(i));
            if (!times.matches()) {
                continue;
            }
            cues++;
            assertThat(millis(times.group(1))).isEqualTo(expectedStart);
            expectedStart = millis(times.group(2));
            Matcher region = target.matcher(lines.get(i + 1));
            assertThat(region.matches()).as(lines.get(i + 1)).isTrue();
            JsonNode sprite = MediaTools.probe(out.resolve(region.group(1))).path("streams").get(0);
            assertThat(Integer.parseInt(region.group(2)) + Integer.parseInt(region.group(4)))
                    .isLessThanOrEqualTo(sprite.path("width").asInt());
            assertThat(Integer.parseInt(region.group(3)) + Integer.parseInt(region.group(5)))
                    .isLessThanOrEqualTo(sprite.path("height").asInt());
            assertThat(Integer.parseInt(region.group(4))).isEqualTo(Math.min(160, info.width()));
        }
        assertThat(cues).isEqualTo((int) Math.ceil(info.durationMs() / 5000.0));
        assertThat(expectedStart).isEqualTo(info.durationMs());
    }

    private static long millis(String timestamp) {
        String[] parts = timestamp.split("[:.]");
        return ((Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1])) * 60 + Long.parseLong(parts[2])) * 1000
                + Long.parseLong(parts[3]);
    }

    private static int width(Path picture) throws Exception {
        return MediaTools.probe(picture).path("streams").get(0).path("width").asInt();
    }

    /** The average brightness (0–255) of a picture, by ffmpeg's signalstats. */
    private static double meanLuma(Path picture) throws Exception {
        Process process = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", picture.toString(),
                "-vf", "signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-", "-f", "null", "-")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        Matcher matcher = Pattern.compile("YAVG=([0-9.]+)").matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
