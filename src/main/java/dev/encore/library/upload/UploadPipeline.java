package dev.encore.library.upload;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.encore.library.media.ContentTypes;
import dev.encore.library.media.CoverArt;
import dev.encore.library.media.MediaInfo;
import dev.encore.platform.BlobStore;
import dev.encore.platform.MediaProbe;
import dev.encore.platform.Problems;

/**
 * What every arrived upload goes through, multipart or resumable: the type decided by magic bytes
 * alone (415 otherwise), the malware scan, ffprobe for audio and video (and the embedded cover
 * copied out), then the file stored content-addressed and an {@link Upload} saved. The caller owns
 * the staging directory and deletes it whatever happens.
 */
@Component
class UploadPipeline {

    private final Uploads uploads;
    private final BlobStore blobs;
    private final MalwareScan scan;
    private final MediaProbe probe;
    private final CoverArt covers;
    private final UploadProperties properties;
    private final Clock clock;

    UploadPipeline(Uploads uploads, BlobStore blobs, MalwareScan scan, MediaProbe probe, CoverArt covers,
            UploadProperties properties, Clock clock) {
        this.uploads = uploads;
        this.blobs = blobs;
        this.scan = scan;
        this.probe = probe;
        this.covers = covers;
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes {@code file} (in a staging directory) of {@code ownerId}, sent as {@code filename}. */
    Upload accept(UUID ownerId, Path file, String filename) throws IOException, InterruptedException {
        String detected = ContentTypes.detect(file);
        UploadKind kind = UploadKind.of(detected).orElseThrow(UploadPipeline::unsupported);
        scan.check(file, ownerId, filename);
        MediaInfo info = MediaInfo.NONE;
        String cover = null;
        if (kind == UploadKind.AUDIO || kind == UploadKind.VIDEO) {
            MediaProbe.Probe found = probe.probe(file);
            info = MediaInfo.of(found);
            if (kind == UploadKind.AUDIO && found.hasCover()) {
                cover = covers.extract(file).orElse(null);
            }
        }
        BlobStore.StoredBlob blob = blobs.store(file);
        Instant now = clock.instant();
        return uploads.save(new Upload(new Upload.Received(ownerId, kind, detected, filename), blob, info, cover, now,
                now.plus(properties.ttl())));
    }

    private static ErrorResponseException unsupported() {
        return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported file type", "Accepted are "
                        + "audio (mp3, flac, ogg/opus, m4a/aac, wav), video (mp4, webm, mkv, mov), images (jpeg, png, "
                        + "webp) and PDF, recognised by their content."), null);
    }
}
