package dev.encore.library.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

import dev.encore.library.Viewer;
import dev.encore.library.content.LibraryProblems;
import dev.encore.platform.BlobStore;
import dev.encore.platform.DiskReserve;
import dev.encore.platform.PlainText;
import dev.encore.platform.Problems;

/**
 * Takes a multipart upload: its size reserved in the quotas before anything is stored (until it is
 * stored as an {@link Upload} or refused), the bytes moved into a private staging directory (the
 * servlet container has already written the part to disk: it is never held in memory), then the
 * {@link UploadPipeline}. Whatever is refused leaves nothing behind.
 */
@Service
class UploadReceiver {

    private final UploadPipeline pipeline;
    private final UploadQuota quota;
    private final DiskReserve disk;
    private final Uploads uploads;
    private final BlobStore blobs;
    private final Clock clock;

    UploadReceiver(UploadPipeline pipeline, UploadQuota quota, DiskReserve disk, Uploads uploads, BlobStore blobs,
            Clock clock) {
        this.pipeline = pipeline;
        this.quota = quota;
        this.disk = disk;
        this.uploads = uploads;
        this.blobs = blobs;
        this.clock = clock;
    }

    UploadView receive(Viewer viewer, MultipartFile part) throws IOException, InterruptedException {
        long size = part.getSize();
        if (size <= 0) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
                    "empty-upload", "Empty upload", "The file is empty."), null);
        }
        disk.require(size);
        UploadReservation reservation = quota.reserve(viewer.userId(), size);
        try {
            return UploadView.of(store(viewer, part));
        }
        finally {
            quota.release(reservation); // the upload counts as itself by now, or never will
        }
    }

    private Upload store(Viewer viewer, MultipartFile part) throws IOException, InterruptedException {
        Path staging = blobs.createStaging("upload");
        try {
            Path file = staging.resolve("upload");
            try (InputStream in = part.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return pipeline.accept(viewer.userId(), file, displayName(part.getOriginalFilename()));
        }
        finally {
            FileSystemUtils.deleteRecursively(staging);
        }
    }

    UploadView get(Viewer viewer, UUID id) {
        return UploadView.of(live(viewer, id));
    }

    /** My live uploads: finished, not saved to the library, not discarded, not expired. */
    Page<UploadView> list(Viewer viewer, Pageable pageable) {
        return uploads.findByOwnerIdAndExpiresAtAfter(viewer.userId(), clock.instant(), pageable).map(UploadView::of);
    }

    /** Discards one of my live uploads (404 when there is none): its bytes stop counting in my storage quota. */
    void discard(Viewer viewer, UUID id) {
        if (uploads.discard(id, viewer.userId(), clock.instant()) == 0) {
            throw LibraryProblems.notFound("upload");
        }
    }

    /** The blob of the cover picture embedded in one of my uploads (404 when it has none). */
    String coverOf(Viewer viewer, UUID id) {
        String cover = live(viewer, id).coverSha256();
        if (cover == null) {
            throw LibraryProblems.notFound("cover");
        }
        return cover;
    }

    private Upload live(Viewer viewer, UUID id) {
        return uploads.findLive(id, viewer.userId(), clock.instant())
                .orElseThrow(() -> LibraryProblems.notFound("upload"));
    }

    /** The client's name, for display only: no path, no control characters or bidirectional overrides, bounded. */
    static String displayName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(cp -> safe.appendCodePoint(
                Character.isISOControl(cp) || PlainText.Check.reordersText(cp) ? '_' : cp));
        String result = safe.toString().strip().replaceFirst("^\\.+", "");
        if (result.isEmpty()) {
            result = "upload";
        }
        // 255 UTF-16 units, as the filename columns hold on either database; never half of a pair
        return result.length() <= 255 ? result : result.substring(0, Character.isHighSurrogate(result.charAt(254)) ? 254 : 255);
    }
}
