package dev.encore.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.encore.ingest.SourceMetadata;
import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.ImportError;
import dev.encore.media.ProcessRunner;
import dev.encore.media.YtDlp;
import dev.encore.platform.BlobStore;
import dev.encore.platform.PlainText;

/**
 * Asks yt-dlp what a link is ({@code -J --flat-playlist}) through the egress guard. Answers are
 * cached for 24 h per normalized URL (Caffeine embedded, Redis distributed); concurrent lookups
 * of the same URL on a node wait for one run.
 */
@Component
public class SourceResolver {

    static final String CACHE = "ingest-metadata";
    public static final String KEYS = "ingestMetadataKeys";

    private static final Logger log = LoggerFactory.getLogger(SourceResolver.class);

    private final YtDlp ytdlp;
    private final EgressGuard guard;
    private final ProcessRunner processes;
    private final BlobStore blobs;
    private final JsonMapper json;
    private final IngestProperties properties;
    private final YtDlpRunOptions runOptions;
    private final CacheManager caches;

    SourceResolver(YtDlp ytdlp, EgressGuard guard, ProcessRunner processes, BlobStore blobs, JsonMapper json,
            IngestProperties properties, YtDlpRunOptions runOptions, CacheManager caches) {
        this.caches = caches;
        this.ytdlp = ytdlp;
        this.guard = guard;
        this.processes = processes;
        this.blobs = blobs;
        this.json = json;
        this.properties = properties;
        this.runOptions = runOptions;
    }

    @Cacheable(cacheNames = CACHE, keyGenerator = KEYS, sync = true)
    public SourceMetadata resolve(String url, boolean playlist) throws InterruptedException {
        Path work;
        try {
            work = blobs.createStaging("metadata");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Deque<String> stdout = new ArrayDeque<>();
        StringBuilder document = new StringBuilder();
        try (EgressGuard.Lease lease = guard.lease()) {
            List<String> command = runOptions.apply(ytdlp.metadata(url, lease.proxyUrl(),
                    properties.maxPlaylistItems(), playlist), work);
            ProcessRunner.Result result = processes.run(ProcessRunner.Spec.ytDlp(command, work,
                    properties.timeout()), line -> {
                        if (line.startsWith("{")) {
                            document.append(line);
                        }
                        else {
                            tail(stdout, line);
                        }
                    });
            if (!result.succeeded() || document.isEmpty()) {
                ToolFailures.Failure failure = ToolFailures.classify(result, List.copyOf(stdout),
                        !lease.refused().isEmpty());
                log.info("yt-dlp could not resolve a link ({}): exit {}, refused {}, stderr {}",
                        failure.error().code(), result.exitCode(), lease.refused(), result.stderrTail());
                throw failure.toException("metadata lookup failed");
            }
            return parse(document.toString());
        }
        finally {
            deleteQuietly(work);
        }
    }

    /** What an earlier look-up or download run learned about {@code url} (as a single item), if cached. */
    public Optional<SourceMetadata> cached(String url) {
        Cache cache = caches.getCache(CACHE);
        return cache == null ? Optional.empty() : Optional.ofNullable(cache.get(singleKey(url), SourceMetadata.class));
    }

    /** Caches what a download run learned about {@code url}, as {@link #resolve} would have. */
    public void remember(String url, SourceMetadata metadata) {
        Cache cache = caches.getCache(CACHE);
        if (cache != null) {
            cache.put(singleKey(url), metadata);
        }
    }

    /** The metadata in yt-dlp's info JSON ({@code --write-info-json} of a download run). */
    public SourceMetadata describe(String infoJson) {
        return parse(infoJson);
    }

    /** The cache key of a single-item look-up (see {@code IngestConfiguration.ingestMetadataKeys}). */
    private static String singleKey(String url) {
        return "single:" + SourceMetadata.normalize(url);
    }

    private SourceMetadata parse(String text) {
        try {
            JsonNode root = json.readTree(text);
            boolean playlist = "playlist".equals(root.path("_type").asString(""));
            List<SourceMetadata.Entry> entries = new ArrayList<>();
            if (playlist) {
                for (JsonNode entry : root.path("entries")) {
                    String entryUrl = entry.path("url").asString(entry.path("webpage_url").asString(""));
                    if (!entryUrl.isBlank() && entries.size() < properties.maxPlaylistItems()) {
                        entries.add(new SourceMetadata.Entry(entryUrl, text(entry, "title")));
                    }
                }
            }
            String artist = firstOf(root, "artist", "creator", "uploader", "channel");
            return new SourceMetadata(text(root, "extractor_key"), text(root, "id"), text(root, "title"), artist,
                    text(root, "album"), root.path("duration").asLong(0), playlist, entries);
        }
        catch (JacksonException ex) {
            throw new ImportFailure(ImportError.UNAVAILABLE, "the source's description of this media could not be read",
                    "yt-dlp printed unreadable metadata");
        }
    }

    private static String firstOf(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A field's text on one line (a site's title may hold any character), or null when missing or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? PlainText.Check.cleaned(value.asString()) : null;
    }

    public static void tail(Deque<String> lines, String line) {
        lines.addLast(line);
        if (lines.size() > 20) {
            lines.removeFirst();
        }
    }

    /** Deletes a run's private directory; what cannot be deleted now, the staging sweep removes later. */
    public static void deleteQuietly(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        }
        catch (IOException leftForTheSweep) {
            log.debug("Could not delete {} now: {}", dir, leftForTheSweep.getMessage());
        }
    }
}
