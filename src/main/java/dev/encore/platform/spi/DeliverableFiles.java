package dev.encore.platform.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What modules that produce downloadable files (imports now, the library later) offer to
 * {@code delivery}, so delivery can sign links to them and stream them without depending on the
 * module that made them. Every implementation answers for its own ids and returns empty for
 * others; owners are checked by delivery.
 */
public interface DeliverableFiles {

    /** A single file by id, if this module has it and it has not expired. */
    Optional<DeliverableFile> file(UUID id);

    /** A bundle of files (a playlist or batch import) by id, if this module has it. */
    Optional<DeliverableBundle> bundle(UUID id);

    /**
     * A stored file as clients see it.
     *
     * @param id         file id
     * @param ownerId    the user it belongs to
     * @param filename   display and download name, sanitized, with extension
     * @param mimeType   content type
     * @param size       bytes
     * @param sha256     content address in the {@link dev.encore.platform.BlobStore}
     * @param durationMs media duration, if known
     * @param createdAt  when it was stored
     * @param expiresAt  when it is deleted, or null when it does not expire
     */
    record DeliverableFile(UUID id, UUID ownerId, String filename, String mimeType, long size, String sha256,
            Long durationMs, Instant createdAt, Instant expiresAt) {
    }

    /**
     * Files delivered together as one zip, or as the one file itself when {@code single}.
     *
     * @param id      bundle id
     * @param ownerId the user it belongs to
     * @param name    zip file name without extension
     * @param files   the entries, in order
     * @param single  the bundle is one file by nature (a single link's import): it is delivered as that file
     */
    record DeliverableBundle(UUID id, UUID ownerId, String name, List<DeliverableFile> files, boolean single) {

        public DeliverableBundle {
            files = List.copyOf(files);
        }
    }
}
