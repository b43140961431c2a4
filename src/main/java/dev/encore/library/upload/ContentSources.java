package dev.encore.library.upload;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.library.Viewer;
import dev.encore.library.content.LibraryProblems;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.platform.spi.FileClaims;

/**
 * Where new library content comes from: one of the viewer's live uploads (used up by it) or one
 * of their finished import files (claimed from its module, in the caller's transaction, so that a
 * refused save hands it back). Tracks and videos both start here.
 */
@Component
public class ContentSources {

    private final Uploads uploads;
    private final List<FileClaims> claims;
    private final Clock clock;

    ContentSources(Uploads uploads, List<FileClaims> claims, Clock clock) {
        this.uploads = uploads;
        this.claims = claims;
        this.clock = clock;
    }

    /** Exactly one of the two must be named (400 on {@code fileId} otherwise). */
    public static void requireOne(UUID fileId, UUID uploadId) {
        if ((fileId == null) == (uploadId == null)) {
            throw InvalidFieldsException.of("fileId", "name either a finished import file or an upload (uploadId)");
        }
    }

    /**
     * The viewer's live upload of that kind, now used (404 when there is none, or when a concurrent
     * request used it first; 400 for another kind).
     */
    public Upload useUpload(Viewer viewer, UUID uploadId, UploadKind kind, String wrongKind) {
        Upload upload = uploads.findLive(uploadId, viewer.userId(), clock.instant())
                .orElseThrow(() -> LibraryProblems.notFound("upload"));
        if (upload.kind() != kind) {
            throw InvalidFieldsException.of("uploadId", wrongKind);
        }
        if (uploads.markUsed(uploadId, clock.instant()) == 0) {
            throw LibraryProblems.notFound("upload");
        }
        return upload;
    }

    /** The viewer's finished import file, claimed for the library (404 when there is none). */
    public DeliverableFile claimFile(Viewer viewer, UUID fileId) {
        return claims.stream().map(claim -> claim.claim(fileId, viewer.userId())).flatMap(Optional::stream)
                .findFirst().orElseThrow(() -> LibraryProblems.notFound("file"));
    }

    /** A title from a file name: without its extension, at most 255 characters (code points, as titles count them). */
    public static String titleOf(String filename) {
        int dot = filename.lastIndexOf('.');
        return Upload.cut(dot > 0 ? filename.substring(0, dot) : filename, 255);
    }
}
