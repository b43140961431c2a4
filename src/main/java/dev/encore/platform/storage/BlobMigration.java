package dev.encore.platform.storage;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import software.amazon.awssdk.services.s3.S3Client;

import dev.encore.platform.BlobStore;
import dev.encore.platform.EncoreProperties;

/**
 * {@code java -jar encore.jar migrate-blobs [--setting=value ...]}: copies a local blob store
 * ({@code encore.storage.local.path}, default {@code <data-dir>/blobs}) into the bucket of
 * {@code encore.storage.s3.*}, read from the same settings as the server (arguments, environment,
 * configuration files). Every blob not yet in the bucket is checked against its name (SHA-256)
 * before it goes, uploaded whole or not at all with its store time, and read back and hashed once
 * there; a blob already in the bucket with the right size is left as it is, so the command can be
 * run again after an interruption and carries on where it stopped. The local files are never
 * changed. Prints its progress and a summary; exits 0 when every blob is in the bucket, 1 when some
 * could not be copied (they are listed), 2 when the settings are unusable.
 */
public final class BlobMigration {

    /** The argument that selects this command. */
    public static final String COMMAND = "migrate-blobs";

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final LocalBlobStore source;
    private final S3BlobStore target;
    private final PrintStream out;
    private final Clock clock;

    BlobMigration(LocalBlobStore source, S3BlobStore target, PrintStream out, Clock clock) {
        this.source = source;
        this.target = target;
        this.out = out;
        this.clock = clock;
    }

    /** Runs the command with the server's settings and {@code args}; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "warn"))
                .run(args)) {
            StorageProperties storage = settings.getBean(StorageProperties.class);
            EncoreProperties encore = settings.getBean(EncoreProperties.class);
            if (storage.s3().bucket() == null || storage.s3().bucket().isBlank()) {
                out.println("Set encore.storage.s3.bucket (and the other encore.storage.s3.* settings) to the bucket "
                        + "to copy into.");
                return 2;
            }
            Path from = StorageConfiguration.localPath(storage, encore);
            if (!Files.isDirectory(from)) {
                out.println("No local blob store at " + from + " (encore.storage.local.path).");
                return 2;
            }
            return migrate(from, storage.s3(), out);
        }
        catch (RuntimeException | IOException ex) {
            out.println("Cannot start the migration: " + ex.getMessage());
            return 2;
        }
    }

    private static int migrate(Path from, StorageProperties.S3 bucket, PrintStream out) throws IOException {
        Path scratch = Files.createTempDirectory("encore-migrate-blobs-");
        try (StagingArea staging = new StagingArea(scratch, Clock.systemUTC());
                S3Client client = S3Clients.create(bucket)) {
            LocalBlobStore source = new LocalBlobStore(from, staging, true, Clock.systemUTC());
            S3BlobStore target = new S3BlobStore(client, bucket, staging, Clock.systemUTC());
            out.println("Copying the blobs of " + from + " into s3://" + bucket.bucket() + "/" + bucket.keyPrefix()
                    + "blobs/");
            return new BlobMigration(source, target, out, Clock.systemUTC()).copyAll().report(out);
        }
        finally {
            FileSystemUtils.deleteRecursively(scratch);
        }
    }

    /** Copies every local blob that the bucket lacks. */
    Summary copyAll() throws IOException {
        List<String> blobs;
        try (Stream<String> listed = source.storedBefore(Instant.MAX)) {
            blobs = listed.sorted().toList();
        }
        long totalBytes = 0;
        for (String sha256 : blobs) {
            totalBytes += source.metadata(sha256).map(BlobStore.Metadata::size).orElse(0L);
        }
        Summary summary = new Summary(blobs.size(), totalBytes);
        Instant lastReport = clock.instant();
        for (String sha256 : blobs) {
            copy(sha256, summary);
            if (clock.instant().isAfter(lastReport.plus(PROGRESS_EVERY))) {
                out.println(summary.progress());
                lastReport = clock.instant();
            }
        }
        return summary;
    }

    private void copy(String sha256, Summary summary) {
        try {
            Optional<BlobStore.Metadata> local = source.metadata(sha256);
            if (local.isEmpty()) {
                return; // deleted meanwhile (a server still running on this store collected it)
            }
            long size = local.get().size();
            Optional<BlobStore.Metadata> there = target.metadata(sha256);
            if (there.isPresent() && there.get().size() == size) {
                summary.present(size);
                return;
            }
            try (BlobStore.LocalFile file = source.localFile(sha256)) {
                if (!ContentAddress.of(file.path()).equals(sha256)) {
                    summary.failed(sha256, "its bytes do not match its name (damaged on disk): not copied");
                    return;
                }
                target.copyIn(file.path(), sha256, local.get().lastStored());
            }
            if (!target.holds(sha256)) {
                target.delete(sha256);
                summary.failed(sha256, "the bucket's copy did not read back as the same bytes: removed");
                return;
            }
            summary.copied(size);
        }
        catch (IOException | UncheckedIOException ex) {
            summary.failed(sha256, ex.getMessage());
        }
    }

    /** What the command did. */
    static final class Summary {

        private final int blobs;
        private final long bytes;
        private int copied;
        private int present;
        private long doneBytes;
        private final java.util.Map<String, String> failures = new java.util.LinkedHashMap<>();

        Summary(int blobs, long bytes) {
            this.blobs = blobs;
            this.bytes = bytes;
        }

        void copied(long size) {
            copied++;
            doneBytes += size;
        }

        void present(long size) {
            present++;
            doneBytes += size;
        }

        void failed(String sha256, String reason) {
            failures.put(sha256, reason);
        }

        int copied() {
            return copied;
        }

        int present() {
            return present;
        }

        java.util.Map<String, String> failures() {
            return failures;
        }

        String progress() {
            return String.format("%d of %d blobs, %s of %s (%d copied, %d already there, %d failed)",
                    copied + present + failures.size(), blobs, size(doneBytes), size(bytes), copied, present,
                    failures.size());
        }

        int report(PrintStream out) {
            failures.forEach((sha256, reason) -> out.println("FAILED " + sha256 + ": " + reason));
            out.printf("Done: %d blobs (%s): %d copied and verified by SHA-256, %d already in the bucket, %d failed.%n",
                    blobs, size(bytes), copied, present, failures.size());
            if (!failures.isEmpty()) {
                out.println("Run the command again to retry what failed; switch to encore.storage.type=s3 only "
                        + "once it ends with 0 failed.");
            }
            return failures.isEmpty() ? 0 : 1;
        }

        private static String size(long bytes) {
            if (bytes < 1024 * 1024) {
                return bytes + " bytes";
            }
            return bytes < 1024L * 1024 * 1024 ? String.format("%.1f MiB", bytes / (1024.0 * 1024))
                    : String.format("%.1f GiB", bytes / (1024.0 * 1024 * 1024));
        }
    }

    /**
     * Only the settings: no database, no web server, no jobs. Not a stereotype, so the server's
     * component scan never picks it up.
     */
    @EnableConfigurationProperties({ StorageProperties.class, EncoreProperties.class })
    static class Settings {
    }
}
