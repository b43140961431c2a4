package dev.encore.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class YtDlpTests {

    private final YtDlp ytdlp = new YtDlp(Path.of("/usr/bin/yt-dlp"), DataSize.ofGigabytes(2), Duration.ofSeconds(30));

    @Test
    void downloadCommandMatchesTheGoldenFile() throws IOException {
        List<String> expected = Files.readAllLines(Path.of("src/test/resources/golden/ytdlp-download.args"));
        assertThat(ytdlp.downloadToStdout("https://www.youtube.com/watch?v=--exec=rm", Path.of("/staging/job-1"),
                "http://job1:secret@127.0.0.1:40000")).containsExactlyElementsOf(expected);
    }

    @Test
    void theUrlAlwaysComesLastAfterTheOptionTerminator() {
        List<String> args = ytdlp.metadata("-o/etc/passwd", "http://p@127.0.0.1:1", 5);
        assertThat(args.get(args.size() - 2)).isEqualTo("--");
        assertThat(args.getLast()).isEqualTo("-o/etc/passwd");
        assertThat(args).contains("--ignore-config").doesNotContain("--exec");
    }

    @Test
    void readsProgressLines() {
        assertThat(YtDlp.progress("encore-progress:{\"downloaded_bytes\": 512, \"total_bytes\": 2048, \"status\": \"downloading\"}"))
                .hasValue(0.25);
        assertThat(YtDlp.progress("encore-progress:{\"downloaded_bytes\": 10, \"total_bytes_estimate\": 20.0}"))
                .hasValue(0.5);
        assertThat(YtDlp.progress("[download] 10%")).isEmpty();
        assertThat(YtDlp.progress("encore-progress:{\"status\": \"finished\"}")).isEmpty();
    }
}
