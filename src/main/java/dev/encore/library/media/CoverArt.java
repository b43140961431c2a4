package dev.encore.library.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.http.CacheControl;
import org.springframework.core.io.Resource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.stereotype.Component;

import dev.encore.library.content.LibraryProblems;
import dev.encore.media.Ffmpeg;
import dev.encore.media.MediaProperties;
import dev.encore.media.ProcessRunner;
import dev.encore.platform.BlobStore;
import dev.encore.platform.StorageUnavailableException;

/**
 * Copies an audio file's embedded cover picture (the attached picture stream, never re-encoded)
 * out with ffmpeg ({@code encore.media.ffmpeg-path}) and stores it as a blob of its own. A cover
 * that cannot be extracted, or is not a JPEG, PNG or WebP image, is left out: the upload goes on
 * without it.
 */
@Component
public class CoverArt {

    private static final Logger log = LoggerFactory.getLogger(CoverArt.class);
    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/webp");
    /** More than type detection reads of a picture's first bytes. */
    private static final int SNIFF_BYTES = 64 * 1024;

    private final ProcessRunner processes;
    private final BlobStore blobs;
    private final Ffmpeg ffmpeg;
    private final Duration timeout;

    CoverArt(ProcessRunner processes, BlobStore blobs, Ffmpeg ffmpeg, MediaProperties media) {
        this.processes = processes;
        this.blobs = blobs;
        this.ffmpeg = ffmpeg;
        this.timeout = media.probeTimeout();
    }

    /** The stored cover's content address; {@code media} is a staged file, the cover is written beside it. */
    public Optional<String> extract(Path media) throws InterruptedException, IOException {
        Path cover = media.resolveSibling("cover");
        ProcessRunner.Result result = processes.run(new ProcessRunner.Spec(ffmpeg.extractCover(media, cover),
                media.getParent(), timeout, Map.of()), line -> { });
        if (!result.succeeded() || !Files.isRegularFile(cover) || !IMAGES.contains(ContentTypes.detect(cover))) {
            log.info("No usable cover in an upload (ffmpeg exit {}): {}", result.exitCode(), result.stderrTail());
            Files.deleteIfExists(cover);
            return Optional.empty();
        }
        return Optional.of(blobs.store(cover).sha256());
    }

    /**
     * A stored cover as an answer (404 when its blob is gone): typed by its bytes, cacheable by the
     * browser for a day, streamed from the blob store.
     */
    public ResponseEntity<Resource> response(String sha256) throws IOException {
        BlobStore.Metadata stored;
        InputStream body;
        try {
            stored = blobs.metadata(sha256).orElseThrow(() -> LibraryProblems.notFound("cover"));
            body = new BufferedInputStream(blobs.read(sha256, 0, stored.size()), SNIFF_BYTES);
        }
        catch (NoSuchFileException gone) {
            throw LibraryProblems.notFound("cover");
        }
        catch (IOException unanswered) {
            log.warn("Cannot serve cover {}: {}", sha256, unanswered.getMessage());
            throw new StorageUnavailableException(unanswered);
        }
        try {
            MediaType type = MediaType.parseMediaType(ContentTypes.detect(body)); // marks and resets
            return ResponseEntity.ok().contentType(type).contentLength(stored.size())
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                    .body(new InputStreamResource(body)); // closed once written
        }
        catch (IOException | RuntimeException ex) {
            body.close();
            throw ex;
        }
    }
}
