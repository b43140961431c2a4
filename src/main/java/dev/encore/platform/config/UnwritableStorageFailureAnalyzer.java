package dev.encore.platform.config;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.util.Set;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A start that cannot write where it keeps its files (a read-only disk, a directory owned by
 * another user, a full disk at the first write): names the file and the reason the system gave,
 * and the setting that moves the data, instead of a page of nested bean-creation errors.
 */
class UnwritableStorageFailureAnalyzer extends AbstractFailureAnalyzer<FileSystemException> {

    /** The reasons (strerror texts) that mean "cannot write here"; a missing file is some other story. */
    private static final Set<String> UNWRITABLE = Set.of("Read-only file system", "Permission denied",
            "Operation not permitted", "No space left on device", "Disk quota exceeded", "Not a directory");

    private final Environment environment;

    /** @param environment null when the failure came before the application context existed */
    UnwritableStorageFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FileSystemException cause) {
        if (cause instanceof FileAlreadyExistsException) {
            return analysis(cause, "it exists and is not a directory");
        }
        if (!(cause instanceof AccessDeniedException) && (cause.getReason() == null || !UNWRITABLE.contains(cause.getReason()))) {
            return null;
        }
        return analysis(cause, cause.getReason() != null ? cause.getReason() : "Permission denied");
    }

    private FailureAnalysis analysis(FileSystemException cause, String reason) {
        return new FailureAnalysis(
                "Encore cannot write " + cause.getFile() + ": " + reason + ".",
                "Encore keeps its database, media and generated secrets in " + DataDirectoryDescription.of(environment)
                        + ". Make it writable for the user Encore runs as, or point " + DataDirectory.PROPERTY
                        + " (environment variable ENCORE_DATA_DIR) at a directory that is.",
                cause);
    }
}
