package dev.encore.delivery.file;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.spi.DeliverableFiles;
import dev.encore.platform.spi.DeliverableFiles.DeliverableBundle;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.platform.Problems;

/**
 * Every module's deliverable files, asked in turn. A file or bundle that belongs to someone else
 * is reported as missing: nobody learns that another user's id exists.
 */
@Component
public class DeliverableCatalog {

    private final List<DeliverableFiles> sources;

    DeliverableCatalog(List<DeliverableFiles> sources) {
        this.sources = sources;
    }

    public DeliverableFile file(UUID id, UUID ownerId) {
        return sources.stream().map(source -> source.file(id)).flatMap(Optional::stream)
                .filter(file -> file.ownerId().equals(ownerId)).findFirst().orElseThrow(NotFound::new);
    }

    public DeliverableBundle bundle(UUID id, UUID ownerId) {
        return sources.stream().map(source -> source.bundle(id)).flatMap(Optional::stream)
                .filter(bundle -> bundle.ownerId().equals(ownerId)).findFirst().orElseThrow(NotFound::new);
    }

    /** No such file or bundle for this user, or it expired or was deleted (404). */
    public static class NotFound extends ErrorResponseException {

        public NotFound() {
            super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "No such file; it may have expired or been deleted."), null);
        }
    }
}
