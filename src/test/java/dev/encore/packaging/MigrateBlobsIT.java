package dev.encore.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import dev.encore.platform.BlobStore;
import dev.encore.platform.storage.LocalBlobStore;
import dev.encore.platform.storage.StagingArea;
import dev.encore.support.PackagedJar;
import dev.encore.support.S3Server;

/**
 * {@code java -jar encore.jar migrate-blobs} moves a local store into a bucket: what is missing is
 * copied (large files in parts) and verified, a blob damaged on disk is reported and left out, a
 * blob an earlier run already copied is left alone, and a second run after fixing the damage
 * completes with nothing left to copy.
 */
class MigrateBlobsIT {

    @TempDir
    Path work;

    @Test
    void copiesALocalStoreIntoABucketResumablyAndVerified() throws Exception {
        Path blobs = work.resolve("data/blobs");
        byte[] large = new byte[7 * 1024 * 1024];
        new Random(7).nextBytes(large);
        BlobStore.StoredBlob small;
        BlobStore.StoredBlob big;
        BlobStore.StoredBlob earlier;
        try (StagingArea staging = new StagingArea(work.resolve("scratch"), Clock.systemUTC())) {
            LocalBlobStore local = new LocalBlobStore(blobs, staging, true, Clock.systemUTC());
            small = local.store(Files.writeString(local.createStaging("test").resolve("a"), "small blob"));
            big = local.store(Files.write(local.createStaging("test").resolve("b"), large));
            earlier = local.store(Files.writeString(local.createStaging("test").resolve("c"), "copied before"));
        }
        Instant storedAt = Instant.parse("2026-01-02T03:04:05Z");
        Files.setLastModifiedTime(location(blobs, small.sha256()), java.nio.file.attribute.FileTime.from(storedAt));
        String damaged = "d".repeat(64);
        Files.createDirectories(location(blobs, damaged).getParent());
        Files.writeString(location(blobs, damaged), "not the bytes its name says");
        String prefix = S3Server.uniquePrefix("migration");
        try (S3Client bucket = S3Server.get().client()) {
            bucket.putObject(put -> put.bucket(S3Server.BUCKET).key(prefix + "blobs/" + earlier.sha256()),
                    RequestBody.fromString("copied before")); // an interrupted earlier run got this one across

            Run first = migrate(prefix);
            assertThat(first.exitCode()).as(first.output()).isEqualTo(1);
            assertThat(first.output()).contains("FAILED " + damaged)
                    .contains("Done: 4 blobs").contains("2 copied and verified by SHA-256")
                    .contains("1 already in the bucket").contains("1 failed");
            assertThat(object(bucket, prefix, big.sha256())).isEqualTo(large);
            assertThat(object(bucket, prefix, small.sha256())).isEqualTo("small blob".getBytes());
            assertThat(bucket.headObject(head -> head.bucket(S3Server.BUCKET).key(prefix + "blobs/" + small.sha256()))
                    .metadata()).as("when it was stored travels with it").containsEntry("stored-at", storedAt.toString());
            assertThat(bucket.listObjectsV2(list -> list.bucket(S3Server.BUCKET).prefix(prefix)).contents())
                    .as("nothing of the damaged blob").hasSize(3);

            Files.delete(location(blobs, damaged));
            Run second = migrate(prefix);
            assertThat(second.exitCode()).as(second.output()).isZero();
            assertThat(second.output()).contains("Done: 3 blobs").contains("0 copied")
                    .contains("3 already in the bucket").contains("0 failed");
        }
        assertThat(Files.readAllBytes(location(blobs, big.sha256()))).as("the local store is left as it was")
                .isEqualTo(large);
    }

    @Test
    void refusesToStartWithoutABucket() throws Exception {
        Files.createDirectories(work.resolve("data/blobs"));
        // the second with the flag an operator's JVM line may carry for the server's ahead-of-time
        // start: the command's own small context must not get the server's whole bean set
        for (String aot : List.of("-Dspring.aot.enabled=false", "-Dspring.aot.enabled=true")) {
            Process process = PackagedJar.process(List.of(PackagedJar.java(), aot, "-jar", PackagedJar.jar().toString(),
                    "migrate-blobs", "--encore.data-dir=" + work.resolve("data"))).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isEqualTo(2);
            assertThat(output).as(aot).contains("Set encore.storage.s3.bucket").doesNotContain("Exception");
        }
    }

    private record Run(int exitCode, String output) {
    }

    private Run migrate(String prefix) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PackagedJar.java(), "-jar", PackagedJar.jar().toString(),
                "migrate-blobs", "--encore.data-dir=" + work.resolve("data"),
                "--encore.storage.s3.multipart-threshold=5MB", "--encore.storage.s3.part-size=5MB"));
        S3Server.get().properties(prefix).forEach((name, value) -> {
            if (!name.equals("encore.storage.type")) { // the node still runs on its local store
                command.add("--" + name + "=" + value);
            }
        });
        Process process = PackagedJar.process(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).as(output).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static byte[] object(S3Client bucket, String prefix, String sha256) {
        return bucket.getObjectAsBytes(get -> get.bucket(S3Server.BUCKET).key(prefix + "blobs/" + sha256))
                .asByteArray();
    }

    private static Path location(Path blobs, String sha256) {
        return blobs.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
