package dev.encore.platform;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A write that failed because the disk (or the account's disk quota) is full: Linux's
 * {@code ENOSPC} and {@code EDQUOT}, as Java and the media tools report them. Such a failure is
 * nobody's bug and no client's fault: requests are answered 507 {@code insufficient-storage}
 * ({@link #problem}), imports fail with {@code storage-full}, and the operator is told in the log.
 */
public final class StorageFull {

    /** The words {@code strerror} gives for ENOSPC and EDQUOT, as Java, ffmpeg and yt-dlp print them. */
    private static final List<String> WORDS = List.of("no space left on device", "disk quota exceeded");

    private StorageFull() {
    }

    /** Whether {@code failure}, or what caused it, is a write that found the disk full. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // a FileSystemException is one too: its message ends in its reason
            if (cause instanceof IOException && says(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a tool's output (the last lines of its standard error, say) reports a full disk. */
    public static boolean reportedIn(List<String> lines) {
        return lines.stream().anyMatch(StorageFull::says);
    }

    private static boolean says(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return WORDS.stream().anyMatch(lower::contains);
    }

    /** 507 {@code insufficient-storage}: nothing was kept of the request, and it may be sent again once there is room. */
    public static ErrorResponseException problem() {
        return new ErrorResponseException(HttpStatus.INSUFFICIENT_STORAGE, Problems.of(HttpStatus.INSUFFICIENT_STORAGE,
                "insufficient-storage", "Storage full", "The server's storage is full, so nothing of this request was "
                        + "kept. Try again once the operator has freed space."), null);
    }
}
