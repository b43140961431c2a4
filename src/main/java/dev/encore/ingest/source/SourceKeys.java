package dev.encore.ingest.source;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.encore.ingest.SourceMetadata;

/**
 * The single-flight key of a link when it can be known without asking yt-dlp ({@code yt-dlp -J}),
 * so the metadata is read in the download run itself and no separate run is spent on it:
 * <ul>
 * <li>a YouTube video link whose id is in the URL ({@code watch?v=}, {@code youtu.be/},
 * {@code /shorts/}): {@code youtube:<id>}, the key yt-dlp's YouTube extractor gives it;</li>
 * <li>a link yt-dlp reads with its generic extractor, whose key is the normalized URL anyway: one
 * whose path names a media file ({@code .mp3}, {@code .m4a}, ...), or one on a trusted network's
 * address (allowed only by {@code encore.ingest.trusted-networks}, never one of the named sites).
 * Those whose path names a media file or no file type at all may be direct media links, which
 * Encore converts while downloading; a named page ({@code .html}, ...) goes to yt-dlp at once.</li>
 * </ul>
 * Any other link (on an allowed site, which yt-dlp may know several URLs of) is asked about
 * first, as before, so {@code youtu.be/x} and {@code youtube.com/watch?v=x} stay one source.
 */
@Component
public class SourceKeys {

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern WATCH_ID = Pattern.compile("(?:^|&)v=([A-Za-z0-9_-]{11})(?:&|$)");
    private static final Set<String> YOUTUBE_HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
            "music.youtube.com");
    private static final Set<String> MEDIA_EXTENSIONS = Set.of("mp3", "m4a", "aac", "ogg", "oga", "opus", "flac",
            "wav", "weba", "webm", "mp4", "m4v", "mkv", "mov", "wma", "aif", "aiff", "alac", "amr");

    private final SourcePolicy policy;

    SourceKeys(SourcePolicy policy) {
        this.policy = policy;
    }

    /**
     * A key known from the link alone.
     *
     * @param key    the canonical key ({@link SourceMetadata#canonicalKey})
     * @param direct whether the link may be a direct media file (the generic extractor's case)
     */
    public record Known(String key, boolean direct) {
    }

    public Optional<Known> of(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        String host = SourcePolicy.normalizeHost(uri.getHost());
        String path = uri.getPath() == null ? "" : uri.getPath();
        Optional<String> youtube = youtubeId(host, path, uri.getRawQuery());
        if (youtube.isPresent()) {
            return Optional.of(new Known("youtube:" + youtube.get(), false));
        }
        if (YOUTUBE_HOSTS.contains(host) || host.equals("youtu.be")) {
            return Optional.empty(); // a channel, a playlist: yt-dlp says what it is
        }
        if (namesMediaFile(path) || !policy.isAllowedHost(host)) {
            // a named page (.html, .php, .m3u8, ...) goes to yt-dlp at once; no extension may be either
            return Optional.of(new Known("url:" + SourceMetadata.normalize(url), namesMediaFile(path)
                    || extensionOf(path).isEmpty()));
        }
        return Optional.empty();
    }

    /** The extension of the path's last segment, in lower case, or "". */
    private static String extensionOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static Optional<String> youtubeId(String host, String path, String query) {
        if (host.equals("youtu.be")) {
            String id = path.startsWith("/") ? path.substring(1) : path;
            return YOUTUBE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
        }
        if (!YOUTUBE_HOSTS.contains(host)) {
            return Optional.empty();
        }
        if (path.equals("/watch") && query != null) {
            Matcher matcher = WATCH_ID.matcher(query);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
        if (path.startsWith("/shorts/")) {
            String id = path.substring("/shorts/".length());
            return YOUTUBE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean namesMediaFile(String path) {
        return MEDIA_EXTENSIONS.contains(extensionOf(path));
    }
}
