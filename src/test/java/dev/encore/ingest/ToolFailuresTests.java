package dev.encore.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.encore.platform.ProcessRunner;

/** yt-dlp's words, as Debian's yt-dlp prints them, mapped to the codes clients see. */
class ToolFailuresTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ERROR: Unsupported URL: https://www.youtube.com/feed/library | unsupported-url",
            "ERROR: [youtube] x: Video unavailable | unavailable",
            "ERROR: [youtube] x: Private video. Sign in if you've been granted access | unavailable",
            "ERROR: [generic] None: Unable to download webpage: HTTP Error 404: Not Found | unavailable",
            "ERROR: [generic] None: Unable to download webpage: HTTP Error 503: Service Unavailable | network",
            "ERROR: [generic] None: Unable to download webpage: <urlopen error [Errno 111] Connection refused> | network",
            "ERROR: unable to download video data: The read operation timed out | network",
            "ERROR: [Errno -3] Temporary failure in name resolution | network" })
    void stderrBecomesACode(String stderr, String code) {
        assertThat(ToolFailures.classify(new ProcessRunner.Result(1, false, List.of(stderr)), List.of(), false).code())
                .isEqualTo(code);
    }

    @Test
    void theGuardTimeoutsAndSizeLimitWinOverTheToolsWords() {
        ProcessRunner.Result failed = new ProcessRunner.Result(1, false, List.of("ERROR: HTTP Error 403: Forbidden"));
        assertThat(ToolFailures.classify(failed, List.of(), true)).isEqualTo(ImportError.BLOCKED_ADDRESS);
        assertThat(ToolFailures.classify(new ProcessRunner.Result(-1, true, List.of()), List.of(), false))
                .isEqualTo(ImportError.TIMEOUT);
        // yt-dlp says this on standard output and exits 0 without a file
        assertThat(ToolFailures.classify(new ProcessRunner.Result(0, false, List.of()),
                List.of("[download] File is larger than max-filesize (3000000 bytes > 1048576 bytes). Aborting."), false))
                .isEqualTo(ImportError.TOO_LARGE);
    }

    @Test
    void onlyNetworkAndTimeoutAreTransient() {
        assertThat(List.of(ImportError.values()).stream().filter(ImportError::isTransient))
                .containsExactlyInAnyOrder(ImportError.NETWORK, ImportError.TIMEOUT, ImportError.INTERNAL);
    }
}
