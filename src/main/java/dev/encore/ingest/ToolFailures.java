package dev.encore.ingest;

import java.util.List;
import java.util.Locale;

import dev.encore.platform.ProcessRunner;

/**
 * Maps how a yt-dlp run ended to the small set of error codes clients see. The tool's own words
 * are only ever logged.
 */
final class ToolFailures {

    private ToolFailures() {
    }

    static ImportError classify(ProcessRunner.Result result, List<String> stdoutTail, boolean refusedByGuard) {
        if (refusedByGuard) {
            return ImportError.BLOCKED_ADDRESS;
        }
        if (result.timedOut()) {
            return ImportError.TIMEOUT;
        }
        String text = (String.join("\n", result.stderrTail()) + "\n" + String.join("\n", stdoutTail))
                .toLowerCase(Locale.ROOT);
        if (text.contains("max-filesize") || text.contains("larger than")) {
            return ImportError.TOO_LARGE;
        }
        if (text.contains("unsupported url")) {
            return ImportError.UNSUPPORTED_URL;
        }
        if (text.contains("timed out") || text.contains("connection refused") || text.contains("connection reset")
                || text.contains("temporary failure in name resolution") || text.contains("unable to connect")
                || text.contains("http error 5") || text.contains("remote end closed")
                || text.contains("incompleteread")) {
            return ImportError.NETWORK;
        }
        return ImportError.UNAVAILABLE;
    }
}
