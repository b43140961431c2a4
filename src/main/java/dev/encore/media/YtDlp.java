package dev.encore.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.util.unit.DataSize;

/**
 * Command lines for yt-dlp. Every run ignores configuration files (no operator or user config
 * can add {@code --exec} hooks), goes through the egress guard's proxy, writes files only into a
 * job-private staging directory under fixed names (a download's media goes to standard output),
 * and puts {@code --} before the URL so a URL can never be read as an option. Progress comes as
 * one JSON line per update.
 */
public final class YtDlp {

    /** Marks progress lines (on standard error, since the media goes to standard output). */
    public static final String PROGRESS_PREFIX = "encore-progress:";

    private final Path executable;
    private final DataSize maxFilesize;
    private final Duration socketTimeout;

    public YtDlp(Path executable, DataSize maxFilesize, Duration socketTimeout) {
        this.executable = executable;
        this.maxFilesize = maxFilesize;
        this.socketTimeout = socketTimeout;
    }

    /**
     * Downloads the single media item at {@code url} (one format: {@code bestaudio/best} never
     * merges) and writes it to standard output, for a reader that converts while it downloads. The
     * same run writes what {@link #metadata} would print to {@link #INFO_FILE} and the thumbnail
     * to {@code source.<ext>} in {@code stagingDir}, both before the first media byte; progress
     * lines and messages go to standard error.
     */
    public List<String> downloadToStdout(String url, Path stagingDir, String proxyUrl) {
        List<String> args = common(proxyUrl);
        // a fragment (an HLS or DASH segment) that stays unavailable fails the run: by default yt-dlp
        // skips it and exits 0, and the media would be kept as whole with a hole in it
        args.addAll(List.of("--no-playlist", "--newline", "--no-mtime", "--no-part", "--write-thumbnail",
                "--abort-on-unavailable-fragments", "--format", "bestaudio/best",
                "--max-filesize", Long.toString(maxFilesize.toBytes()),
                "--progress-template", "download:" + PROGRESS_PREFIX + "%(progress)j",
                "--output", "-", "--output", "thumbnail:" + stagingDir.resolve("source.%(ext)s"),
                "--write-info-json", "--output",
                "infojson:" + stagingDir.resolve(INFO_FILE.replace(".info.json", ""))));
        args.addAll(List.of("--", url));
        return args;
    }

    /** The info JSON a download writes into its staging directory. */
    public static final String INFO_FILE = "metadata.info.json";

    /** Prints the metadata of {@code url} (a playlist lists its entries flat) as JSON. */
    public List<String> metadata(String url, String proxyUrl, int maxItems) {
        return metadata(url, proxyUrl, maxItems, true);
    }

    /**
     * Prints the metadata of {@code url} as JSON; with {@code playlist} false, a video link that
     * also names a playlist is read as the video alone.
     */
    public List<String> metadata(String url, String proxyUrl, int maxItems, boolean playlist) {
        List<String> args = common(proxyUrl);
        args.addAll(List.of("--dump-single-json", "--flat-playlist", "--playlist-end", Integer.toString(maxItems)));
        if (!playlist) {
            args.add("--no-playlist");
        }
        args.addAll(List.of("--", url));
        return args;
    }

    private List<String> common(String proxyUrl) {
        return new ArrayList<>(List.of(executable.toString(), "--ignore-config", "--no-cache-dir", "--no-colors",
                "--no-warnings", "--proxy", proxyUrl, "--socket-timeout", Long.toString(socketTimeout.toSeconds())));
    }

    /** The downloaded-bytes fraction in a progress line, 0..1, if it is one. */
    public static Optional<Double> progress(String line) {
        if (!line.startsWith(PROGRESS_PREFIX)) {
            return Optional.empty();
        }
        String json = line.substring(PROGRESS_PREFIX.length());
        long downloaded = number(json, "downloaded_bytes");
        long total = Math.max(number(json, "total_bytes"), number(json, "total_bytes_estimate"));
        return total > 0 ? Optional.of(Math.min(1.0, (double) downloaded / total)) : Optional.empty();
    }

    private static long number(String json, String field) {
        int at = json.indexOf("\"" + field + "\":");
        if (at < 0) {
            return 0;
        }
        int start = at + field.length() + 3;
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '.'
                || json.charAt(end) == ' ')) {
            end++;
        }
        try {
            return (long) Double.parseDouble(json.substring(start, end).trim());
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }
}
