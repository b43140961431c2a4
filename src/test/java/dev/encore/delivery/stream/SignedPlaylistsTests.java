package dev.encore.delivery.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.encore.delivery.file.DeliverableCatalog;
import dev.encore.delivery.file.FileStreamer;

class SignedPlaylistsTests {

    private static final URI BASE = URI.create("https://media.example.org/stream/videos/m1.a.b.1.sig/hls/");

    @Test
    void everyUriLineAndUriAttributeBecomesAbsoluteUnderTheSignedUrl() {
        String master = """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="Audio",URI="audio/index.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=1200000,AVERAGE-BANDWIDTH=900000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",FRAME-RATE=30.000
                720p/index.m3u8

                #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,URI="720p/iframes.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=130000,CODECS="mp4a.40.2"
                audio/index.m3u8
                """;
        assertThat(SignedPlaylists.absolute(master, BASE)).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="Audio",URI="%1$saudio/index.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=1200000,AVERAGE-BANDWIDTH=900000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",FRAME-RATE=30.000
                %1$s720p/index.m3u8

                #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,URI="%1$s720p/iframes.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=130000,CODECS="mp4a.40.2"
                %1$saudio/index.m3u8
                """.formatted(BASE));
    }

    @Test
    void aVariantsMapAndSegmentsResolveTooAndCrLfLinesKeepTheirEndings() {
        String variant = "#EXTM3U\r\n#EXT-X-MAP:URI=\"init.mp4\"\r\n#EXTINF:4.000,\r\nseg-00001.m4s\r\n#EXT-X-ENDLIST";
        assertThat(SignedPlaylists.absolute(variant, BASE.resolve("720p/"))).isEqualTo("#EXTM3U\r\n#EXT-X-MAP:URI=\""
                + BASE + "720p/init.mp4\"\r\n#EXTINF:4.000,\r\n" + BASE + "720p/seg-00001.m4s\r\n#EXT-X-ENDLIST");
    }

    @Test
    void namesArePlainSegmentsOfTheKnownKindsOnly() {
        assertThat(VideoFileName.hls("720p", "seg-00001.m4s")).isEqualTo(
                new VideoFileName("720p/seg-00001.m4s", "video/mp4", false));
        assertThat(VideoFileName.hls("audio", "index.m3u8").mimeType()).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(VideoFileName.sprite("sprite-000.jpg").name()).isEqualTo("storyboard/sprite-000.jpg");
        for (String[] bad : new String[][] { { "..", "index.m3u8" }, { "720p", "../master.m3u8" },
                { "720P", "index.m3u8" }, { "720p", "index.m3u8.exe" }, { "720p", "poster.webp" },
                { "720p", ".m4s" }, { "", "init.mp4" }, { "720p", "seg%2f1.m4s" }, { "720p", "a/b.m4s" },
                { "720p", "seg-00001.m4s\n" }, { "x".repeat(33), "init.mp4" } }) {
            assertThatThrownBy(() -> VideoFileName.hls(bad[0], bad[1])).as(String.join(" ", bad))
                    .isInstanceOf(DeliverableCatalog.NotFound.class);
        }
        for (String bad : new String[] { "../poster.webp", "sprite-000.png", "sprite.jpg/x", ".jpg", "Sprite.jpg" }) {
            assertThatThrownBy(() -> VideoFileName.sprite(bad)).as(bad).isInstanceOf(DeliverableCatalog.NotFound.class);
        }
    }

    @Test
    void playlistsAreNeverCachedAndMediaIsImmutableOnlyUnderASignedUrl() {
        assertThat(VideoFileName.master().cacheControl(true)).isEqualTo("no-store");
        assertThat(VideoFileName.hls("720p", "index.m3u8").cacheControl(true)).isEqualTo("no-store");
        assertThat(VideoFileName.storyboard().cacheControl(false)).isEqualTo("no-store");
        assertThat(VideoFileName.hls("720p", "init.mp4").cacheControl(true))
                .isEqualTo("private, max-age=31536000, immutable");
        assertThat(VideoFileName.poster().cacheControl(true)).isEqualTo("private, max-age=31536000, immutable");
        assertThat(VideoFileName.poster().cacheControl(false)).isEqualTo(FileStreamer.REVALIDATE);
    }
}
