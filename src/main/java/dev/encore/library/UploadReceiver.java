package dev.encore.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

import dev.encore.platform.BlobStore;
import dev.encore.platform.MediaProbe;
import dev.encore.platform.Problems;
import dev.encore.platform.StorageQuota;

/**
 * Takes an uploaded file: quotas checked before anything is stored, the bytes moved into a
 * private staging directory (the servlet container has already written the part to disk: it is
 * never held in memory), the type decided by magic bytes alone (Apache Tika, never the name or
 * the client's content type), audio and video probed, then stored content-addressed. Whatever
 * is refused leaves nothing behind.
 */
@Service
class UploadReceiver {

    private final Uploads uploads;
    private final BlobStore blobs;
    private final StorageQuota quota;
    private final MediaProbe probe;
    private final UploadProperties properties;
    private final Clock clock;
    private final Tika tika = new Tika();

    UploadReceiver(Uploads uploads, BlobStore blobs, StorageQuota quota, MediaProbe probe, UploadProperties properties,
            Clock clock) {
        this.uploads = uploads;
        this.blobs = blobs;
        this.quota = quota;
        this.probe = probe;
        this.properties = properties;
        this.clock = clock;
    }

    UploadView receive(Viewer viewer, MultipartFile part) throws IOException, InterruptedException {
        long size = part.getSize();
        if (size <= 0) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
                    "empty-upload", "Empty upload", "The file is empty."), null);
        }
        quota.require(viewer.userId(), size);
        Instant now = clock.instant();
        if (uploads.uploadedSince(viewer.userId(), now.minus(Duration.ofDays(1))) + size
                > properties.dailyBytes().toBytes()) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "quota-exceeded",
                    "Daily upload quota exceeded", "You have uploaded as much as a day allows; try again later."),
                    null);
        }
        Path staging = blobs.createStaging("upload");
        try {
            Path file = staging.resolve("upload");
            try (InputStream in = part.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            String detected = detect(file);
            UploadKind kind = UploadKind.of(detected).orElseThrow(() -> new ErrorResponseException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported-media-type", "Unsupported file type", "Accepted are audio (mp3, flac, "
                                    + "ogg/opus, m4a/aac, wav), video (mp4, webm, mkv, mov), images (jpeg, png, webp) "
                                    + "and PDF, recognised by their content."), null));
            MediaInfo info = kind == UploadKind.AUDIO || kind == UploadKind.VIDEO ? info(file) : MediaInfo.NONE;
            BlobStore.StoredBlob blob = blobs.store(file);
            Upload upload = uploads.save(new Upload(viewer.userId(), kind, detected, blob.size(), blob.sha256(),
                    displayName(part.getOriginalFilename()), info, now, now.plus(properties.ttl())));
            return UploadView.of(upload);
        }
        finally {
            FileSystemUtils.deleteRecursively(staging);
        }
    }

    UploadView get(Viewer viewer, java.util.UUID id) {
        return uploads.findLive(id, viewer.userId(), clock.instant()).map(UploadView::of)
                .orElseThrow(() -> LibraryProblems.notFound("upload"));
    }

    /** The type from the first bytes only: no file name is given to Tika, so none can lie to it. */
    private String detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return tika.detect(in);
        }
    }

    private MediaInfo info(Path file) throws InterruptedException {
        MediaProbe.Probe found = probe.probe(file);
        String date = found.tag("date");
        Integer year = date != null && date.matches("\\d{4}.*") ? Integer.valueOf(date.substring(0, 4)) : null;
        return new MediaInfo(found.durationMs().orElse(null), found.tag("title"), found.tag("artist"),
                found.tag("album"), found.tag("genre"), year);
    }

    /** The client's name, for display only: no path, no control characters, bounded. */
    static String displayName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(cp -> safe.appendCodePoint(Character.isISOControl(cp) ? '_' : cp));
        String result = safe.toString().strip().replaceFirst("^\\.+", "");
        if (result.isEmpty()) {
            result = "upload";
        }
        return result.length() > 255 ? result.substring(0, 255) : result;
    }
}
