package dev.encore.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.encore.ingest.imports.ImportError;
import dev.encore.media.ProcessRunner;

/** yt-dlp's words, as Debian's yt-dlp prints them, mapped to the codes clients see. */
class ToolFailuresTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ERROR: Unsupported URL: https://www.youtube.com/feed/library | unsupported-url | no audio or video found at this address",
            "ERROR: [youtube] x: Video unavailable | unavailable | the source says this media is unavailable (removed, private or restricted)",
            "ERROR: [youtube] x: Private video. Sign in if you've been granted access | unavailable | the source says this media is unavailable (removed, private or restricted)",
            "ERROR: [generic] None: Unable to download webpage: HTTP Error 404: File not found (caused by <HTTPError 404: 'File not found'>) | unavailable | the source answered 404 Not Found",
            "ERROR: [generic] None: Unable to download webpage: HTTP Error 410: Gone | unavailable | the source answered 410 Gone",
            "ERROR: [generic] None: Unable to download webpage: HTTP Error 503: Service Unavailable | network | the source answered 503 Service Unavailable",
            "ERROR: unable to download video data: HTTP Error 429: Too Many Requests | network | the source answered 429 Too Many Requests",
            "ERROR: [generic] None: Unable to download webpage: HTTP Error 599: Whatever | network | the source answered 599",
            "ERROR: [generic] None: Unable to download webpage: <urlopen error [Errno 111] Connection refused> | network | the source refused the connection",
            "ERROR: unable to download video data: The read operation timed out | network | the connection to the source timed out",
            "ERROR: [Errno -3] Temporary failure in name resolution | network | the source's host name could not be resolved",
            "ERROR: unable to write data: [Errno 28] No space left on device | storage-full | the server's storage is full; try again once the operator has freed space",
            "ERROR: something nobody foresaw | unavailable | the source did not provide this media" })
    void stderrBecomesACodeAndAReasonInEncoresOwnWords(String stderr, String code, String reason) {
        ToolFailures.Failure failure = ToolFailures.classify(new ProcessRunner.Result(1, false, List.of(stderr)),
                List.of(), false);
        assertThat(failure.error().code()).isEqualTo(code);
        assertThat(failure.reason()).isEqualTo(reason);
    }

    @Test
    void theGuardTimeoutsAndSizeLimitWinOverTheToolsWords() {
        ProcessRunner.Result failed = new ProcessRunner.Result(1, false, List.of("ERROR: HTTP Error 403: Forbidden"));
        assertThat(ToolFailures.classify(failed, List.of(), true).error()).isEqualTo(ImportError.BLOCKED_ADDRESS);
        assertThat(ToolFailures.classify(new ProcessRunner.Result(-1, true, List.of()), List.of(), false).error())
                .isEqualTo(ImportError.TIMEOUT);
        // yt-dlp says this on standard output and exits 0 without a file
        assertThat(ToolFailures.classify(new ProcessRunner.Result(0, false, List.of()),
                List.of("[download] File is larger than max-filesize (3000000 bytes > 1048576 bytes). Aborting."), false)
                .error()).isEqualTo(ImportError.TOO_LARGE);
    }

    @Test
    void onlyNetworkAndTimeoutAreTransient() {
        assertThat(List.of(ImportError.values()).stream().filter(ImportError::isTransient))
                .containsExactlyInAnyOrder(ImportError.NETWORK, ImportError.TIMEOUT, ImportError.INTERNAL);
    }
}
