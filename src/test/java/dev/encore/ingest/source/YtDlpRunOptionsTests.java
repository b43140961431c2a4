package dev.encore.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import dev.encore.ingest.config.IngestProperties;

/** The operator's cookies file and extra yt-dlp options. */
class YtDlpRunOptionsTests {

    @TempDir
    Path dir;

    @Test
    void theCookiesFileIsCopiedForEveryRunSoEditsApplyWithoutARestart() throws Exception {
        Path cookies = Files.writeString(dir.resolve("cookies.txt"), "# Netscape HTTP Cookie File\nfirst\n");
        YtDlpRunOptions options = new YtDlpRunOptions(properties(cookies, List.of("--force-ipv4")));
        Path run1 = Files.createDirectories(dir.resolve("run1"));

        List<String> command = options.apply(List.of("yt-dlp", "--ignore-config", "--", "https://youtu.be/x"), run1);
        assertThat(command).containsExactly("yt-dlp", "--ignore-config", "--force-ipv4", "--cookies",
                run1.resolve("cookies.txt").toString(), "--", "https://youtu.be/x");
        assertThat(run1.resolve("cookies.txt")).hasContent("# Netscape HTTP Cookie File\nfirst");

        Files.writeString(cookies, "# Netscape HTTP Cookie File\nsecond\n");
        Path run2 = Files.createDirectories(dir.resolve("run2"));
        options.apply(List.of("yt-dlp", "--", "https://youtu.be/x"), run2);
        assertThat(run2.resolve("cookies.txt")).hasContent("# Netscape HTTP Cookie File\nsecond");
        assertThat(cookies).hasContent("# Netscape HTTP Cookie File\nsecond"); // the operator's file is never touched
    }

    @Test
    void aMissingCookiesFileOnlyMeansNoCookies() {
        YtDlpRunOptions options = new YtDlpRunOptions(properties(dir.resolve("absent.txt"), List.of()));
        List<String> command = List.of("yt-dlp", "--", "https://youtu.be/x");
        assertThat(options.apply(command, dir)).isEqualTo(command);
    }

    @Test
    void onlySafeExtraOptionsAreAccepted() {
        YtDlpOptions.requireSafe(List.of("--force-ipv4", "--limit-rate=2M", "--extractor-args=youtube:player_client=web"));
        for (String unsafe : List.of("--exec=rm -rf /", "--exec", "-o", "--output=/etc/x", "--config-location=/tmp/c",
                "--proxy=http://evil", "--batch-file=/etc/passwd", "--load-info-json=/x", "--plugin-dirs=/tmp")) {
            assertThatThrownBy(() -> properties(null, List.of(unsafe))).as(unsafe)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not allowed");
        }
    }

    private static IngestProperties properties(Path cookies, List<String> extra) {
        return new IngestProperties(List.of("youtube.com"), List.of(), 50, 100, 3, Duration.ofHours(1), DataSize.ofGigabytes(2), Duration.ofSeconds(30),
                Duration.ofMinutes(30), Duration.ofHours(3), 0, 1000, Duration.ofSeconds(30), cookies, extra);
    }
}
