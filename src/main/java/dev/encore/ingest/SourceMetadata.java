package dev.encore.ingest;

import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * What yt-dlp knows about a link before fetching it ({@code yt-dlp -J}). Serializable because it
 * is cached (Caffeine embedded, Redis distributed).
 *
 * @param extractor       yt-dlp's extractor key ({@code Youtube}, {@code Generic}, ...)
 * @param id              the extractor's id of the media or playlist
 * @param title           title, if known
 * @param artist          artist, uploader or channel, if known
 * @param album           album, if known
 * @param durationSeconds duration, if known (0 when not)
 * @param playlist        whether the link is a playlist
 * @param entries         a playlist's entries (empty for a single item)
 */
public record SourceMetadata(String extractor, String id, String title, String artist, String album, long durationSeconds,
        boolean playlist, List<Entry> entries) implements Serializable {

    public SourceMetadata {
        entries = List.copyOf(entries);
    }

    /** A playlist entry: the link to fetch and its title. */
    public record Entry(String url, String title) implements Serializable {
    }

    /**
     * The de-duplication identity of the source: extractor and id when the extractor is specific
     * (so {@code youtu.be/x} and {@code youtube.com/watch?v=x} are one source), else the
     * normalized URL (the generic extractor's ids are just file names).
     */
    public String canonicalKey(String url) {
        // the generic extractor and its embedded-media variant name media by file name only
        if (extractor != null && id != null && !id.isBlank() && !"generic".equalsIgnoreCase(extractor)
                && !"html5mediaembed".equalsIgnoreCase(extractor)) {
            return extractor.toLowerCase(Locale.ROOT) + ":" + id;
        }
        return "url:" + normalize(url);
    }

    /**
     * A link as clients see it: without the {@code #__youtubedl_smuggle=...} fragment in which yt-dlp
     * passes its own state from a playlist to its entries (kept in the stored link, which yt-dlp
     * fetches, but meaningless and noisy to a person).
     */
    public static String shown(String url) {
        int smuggled = url == null ? -1 : url.indexOf("#__youtubedl_smuggle=");
        return smuggled < 0 ? url : url.substring(0, smuggled);
    }

    /** Scheme and host in lower case, default port and fragment dropped; path and query kept. */
    public static String normalize(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
