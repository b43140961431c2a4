package dev.encore.platform.storage;

import java.net.URI;
import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import dev.encore.platform.DataSizeMin;

/**
 * Where blobs are kept ({@code encore.storage.*}).
 *
 * @param type         {@code local} (a directory) or {@code s3} (an S3-compatible bucket)
 * @param local        the directory, when {@code type=local}
 * @param s3           the bucket, when {@code type=s3}
 * @param minFreeSpace room kept free on the data directory's disk for the database and the work under way:
 *                     uploads and imports that would leave less are refused ({@code DiskReserve})
 */
@Validated
@ConfigurationProperties("encore.storage")
public record StorageProperties(
        @NotNull @DefaultValue("local") Type type,
        @Valid @NotNull @DefaultValue Local local,
        @Valid @NotNull @DefaultValue S3 s3,
        @NotNull @DataSizeMin(bytes = 0) @DefaultValue("64MB") DataSize minFreeSpace) {

    /** The kinds of store. */
    public enum Type {
        LOCAL, S3
    }

    @AssertTrue(message = "encore.storage.s3.bucket must be set when encore.storage.type=s3")
    boolean isBucketGivenForS3() {
        return type != Type.S3 || (s3.bucket() != null && !s3.bucket().isBlank());
    }

    /**
     * A local directory.
     *
     * @param path   the directory (default {@code ${encore.data-dir}/blobs}); absolute once settings are read
     * @param shared whether every node sees this same directory (an NFS mount, say): the
     *               distributed profile refuses a local store without it
     */
    public record Local(Path path, @DefaultValue("false") boolean shared) {
    }

    /**
     * An S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, R2, ...).
     *
     * @param endpoint           the service's URL; empty for AWS S3 itself
     * @param region             signing region ({@code us-east-1} suits most other services)
     * @param bucket             the bucket, which must exist
     * @param pathStyle          {@code https://host/bucket/key} addressing (MinIO and most
     *                           self-hosted services) instead of {@code https://bucket.host/key}
     * @param keyPrefix          put before every key, to share a bucket ({@code encore/})
     * @param accessKeyId        credentials; both empty: the SDK's default provider chain
     *                           (environment, profile, container or instance role)
     * @param secretAccessKey    the secret of {@code accessKeyId}
     * @param multipartThreshold files from this size are uploaded in parts
     * @param partSize           size of each part (S3 allows 5 MB to 5 GB, at most 10,000 parts)
     * @param maxConnections     connections to the service at once; every stream being served
     *                           from the bucket holds one
     */
    public record S3(URI endpoint,
            @NotNull @DefaultValue("us-east-1") String region,
            String bucket,
            @DefaultValue("false") boolean pathStyle,
            @NotNull @DefaultValue("") @Pattern(regexp = "([A-Za-z0-9._-]+/)*",
                    message = "must be empty or path segments ending in /") String keyPrefix,
            String accessKeyId,
            String secretAccessKey,
            @NotNull @DefaultValue("64MB") DataSize multipartThreshold,
            @NotNull @DefaultValue("16MB") DataSize partSize,
            @Min(1) @Max(10000) @DefaultValue("128") int maxConnections) {

        @AssertTrue(message = "encore.storage.s3.part-size must be at least 5MB and at most 5GB")
        boolean isPartSizeAllowed() {
            return partSize == null || (partSize.toBytes() >= 5L * 1024 * 1024
                    && partSize.toBytes() <= 5L * 1024 * 1024 * 1024);
        }

        @AssertTrue(message = "encore.storage.s3.access-key-id and secret-access-key are set together or not at all")
        boolean isCredentialPairComplete() {
            return blank(accessKeyId) == blank(secretAccessKey);
        }

        boolean staticCredentials() {
            return !blank(accessKeyId);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        @Override
        public String toString() { // never the secret
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle
                    + ", keyPrefix=" + keyPrefix + "]";
        }
    }
}
