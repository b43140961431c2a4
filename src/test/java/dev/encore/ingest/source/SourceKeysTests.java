package dev.encore.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which links need a yt-dlp look-up before their single-flight key is known, and which may be direct. */
class SourceKeysTests {

    private final SourceKeys keys = new SourceKeys(new SourcePolicy(
            List.of("youtube.com", "www.youtube.com", "music.youtube.com", "youtu.be", "podcasts.example.org"),
            List.of("10.0.0.0/8"), host -> new InetAddress[] { InetAddress.getByName("93.184.216.34") }));

    @Test
    void youtubeVideoLinksAreKeyedByTheirIdLikeYtDlpsExtractor() {
        for (String url : List.of("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ",
                "https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RDAMVM", "https://youtube.com/shorts/dQw4w9WgXcQ")) {
            assertThat(keys.of(url)).as(url).contains(new SourceKeys.Known("youtube:dQw4w9WgXcQ", false));
        }
    }

    @Test
    void otherSiteLinksAreLookedUpFirst() {
        assertThat(keys.of("https://www.youtube.com/playlist?list=PL123")).isEmpty();
        assertThat(keys.of("https://www.youtube.com/watch?v=short")).isEmpty();
        assertThat(keys.of("https://www.youtube.com/@channel")).isEmpty();
        assertThat(keys.of("https://podcasts.example.org/episode/42")).isEmpty();
    }

    @Test
    void mediaFileLinksAndTrustedAddressesAreGenericAndMayBeDirect() {
        assertThat(keys.of("https://podcasts.example.org/files/Episode%2042.MP3?token=x")).contains(
                new SourceKeys.Known("url:https://podcasts.example.org/files/Episode%2042.MP3?token=x", true));
        assertThat(keys.of("http://10.1.2.3:8080/stream")).contains(
                new SourceKeys.Known("url:http://10.1.2.3:8080/stream", true));
        // a named page on a trusted address: generic, but yt-dlp reads it at once
        assertThat(keys.of("http://10.1.2.3/player.html")).contains(
                new SourceKeys.Known("url:http://10.1.2.3/player.html", false));
    }
}
