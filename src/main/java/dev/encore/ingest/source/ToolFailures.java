package dev.encore.ingest.source;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import dev.encore.ingest.imports.ImportError;
import dev.encore.media.ProcessRunner;
import dev.encore.platform.StorageFull;

/**
 * Maps how a yt-dlp run ended to the small set of error codes clients see, with a reason in
 * Encore's own words ("the source answered 404 Not Found"): only a status number is taken from the
 * tool's output, and its phrase is the standard one. The tool's own words are only ever logged.
 */
public final class ToolFailures {

    private static final Pattern HTTP_ERROR = Pattern.compile("http error (\\d{3})");

    private ToolFailures() {
    }

    /** The code and reason of a failed run. */
    public record Failure(ImportError error, String reason) {

        public ImportFailure toException(String logDetail) {
            return new ImportFailure(error, reason, logDetail);
        }
    }

    public static Failure classify(ProcessRunner.Result result, List<String> stdoutTail, boolean refusedByGuard) {
        if (refusedByGuard) {
            return of(ImportError.BLOCKED_ADDRESS);
        }
        if (result.timedOut()) {
            return of(ImportError.TIMEOUT);
        }
        if (result.storageFull() || StorageFull.reportedIn(stdoutTail)) {
            return of(ImportError.STORAGE_FULL);
        }
        String text = (String.join("\n", result.stderrTail()) + "\n" + String.join("\n", stdoutTail))
                .toLowerCase(Locale.ROOT);
        if (text.contains("max-filesize") || text.contains("larger than")) {
            return of(ImportError.TOO_LARGE);
        }
        if (text.contains("unsupported url")) {
            return of(ImportError.UNSUPPORTED_URL);
        }
        Matcher http = HTTP_ERROR.matcher(text);
        if (http.find()) {
            return answered(Integer.parseInt(http.group(1)));
        }
        return network(text);
    }

    /** A source that answered with an HTTP error: 5xx, 408 and 429 may pass; the rest will not. */
    public static Failure answered(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = "the source answered " + status + (known == null ? "" : " " + known.getReasonPhrase());
        boolean passing = status >= 500 || status == 408 || status == 429;
        return new Failure(passing ? ImportError.NETWORK : ImportError.UNAVAILABLE, reason);
    }

    private static Failure network(String text) {
        if (text.contains("name resolution") || text.contains("name or service not known")
                || text.contains("nodename nor servname") || text.contains("no address associated")) {
            return new Failure(ImportError.NETWORK, "the source's host name could not be resolved");
        }
        if (text.contains("connection refused")) {
            return new Failure(ImportError.NETWORK, "the source refused the connection");
        }
        if (text.contains("timed out")) {
            return new Failure(ImportError.NETWORK, "the connection to the source timed out");
        }
        if (text.contains("connection reset") || text.contains("remote end closed") || text.contains("incompleteread")) {
            return new Failure(ImportError.NETWORK, "the connection to the source broke off");
        }
        if (text.contains("unable to connect")) {
            return of(ImportError.NETWORK);
        }
        if (text.contains("video unavailable") || text.contains("private video") || text.contains("not available")
                || text.contains("has been removed") || text.contains("sign in to confirm")) {
            return new Failure(ImportError.UNAVAILABLE,
                    "the source says this media is unavailable (removed, private or restricted)");
        }
        return of(ImportError.UNAVAILABLE);
    }

    private static Failure of(ImportError error) {
        return new Failure(error, error.reason());
    }
}
