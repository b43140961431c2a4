package dev.encore.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;


/**
 * Blobs as objects {@code <key-prefix>blobs/<sha256>} in an S3-compatible bucket, shared by every
 * node. An object appears whole or not at all: a single PUT, or a multipart upload that only
 * becomes visible when completed (and is aborted on failure; what a dead node left is aborted by
 * the staging sweep). Reads are ranged GETs streamed as they arrive; tools get a spooled copy in
 * this node's staging area, checked against its address. When a blob was last stored is kept
 * with the object ({@code x-amz-meta-stored-at}, by this cluster's clock rather than the service's,
 * which may be set differently); storing bytes that are already there copies the object onto
 * itself with a new time, which renews the collector's grace.
 */
public class S3BlobStore extends StagedBlobStore {

    /** The largest object a single copy may write (S3's limit); beyond it, storing again re-uploads. */
    private static final long MAX_COPY_BYTES = 5L * 1024 * 1024 * 1024;
    /** User metadata holding when the blob was last stored (ISO-8601, this cluster's clock). */
    static final String STORED_AT = "stored-at";

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final String partPrefix;
    private final S3Uploads uploads;
    private final Clock clock;

    public S3BlobStore(S3Client client, StorageProperties.S3 settings, StagingArea staging, Clock clock) {
        super(staging);
        this.client = client;
        this.bucket = settings.bucket();
        this.prefix = settings.keyPrefix() + "blobs/";
        this.partPrefix = settings.keyPrefix() + "parts/";
        this.uploads = new S3Uploads(client, settings);
        this.clock = clock;
    }

    @Override
    protected void commit(Path file, StoredBlob blob) throws IOException {
        String key = key(blob.sha256());
        try {
            Optional<HeadObjectResponse> existing = head(key);
            if (existing.isEmpty() || existing.get().contentLength() != blob.size() || !renewed(key, blob.size())) {
                uploads.upload(file, key, blob.size(), storedNow());
            }
        }
        catch (SdkException ex) {
            throw failure("store", blob.sha256(), ex);
        }
        Files.delete(file);
    }

    /** Copies the object onto itself (a new last-modified time); false when it vanished meanwhile or is too large. */
    private boolean renewed(String key, long size) {
        if (size > MAX_COPY_BYTES) {
            return false;
        }
        try {
            client.copyObject(copy -> copy.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket)
                    .destinationKey(key).metadataDirective(MetadataDirective.REPLACE).metadata(storedNow()));
            return true;
        }
        catch (NoSuchKeyException collectedMeanwhile) {
            return false;
        }
    }

    /**
     * Uploads a blob of another store (the local one being moved into this bucket), keeping when
     * it was stored; the file stays where it is. Whole or nothing, like {@link #store}.
     */
    void copyIn(Path file, String sha256, Instant storedAt) throws IOException {
        try {
            uploads.upload(file, key(sha256), Files.size(file), Map.of(STORED_AT, storedAt.toString()));
        }
        catch (SdkException ex) {
            throw failure("copy in", sha256, ex);
        }
    }

    /** Whether the object holds exactly the bytes its address names: read back and hashed. */
    boolean holds(String sha256) throws IOException {
        try (InputStream in = new S3ObjectStream(client.getObject(get -> get.bucket(bucket).key(key(sha256))))) {
            return ContentAddress.of(in).equals(sha256);
        }
        catch (NoSuchKeyException absent) {
            return false;
        }
        catch (SdkException ex) {
            throw failure("verify", sha256, ex);
        }
    }

    @Override
    public Optional<Metadata> metadata(String sha256) throws IOException {
        try {
            return head(key(sha256)).map(head -> new Metadata(head.contentLength(), lastStored(head)));
        }
        catch (SdkException ex) {
            throw failure("look up", sha256, ex);
        }
    }

    @Override
    public InputStream read(String sha256, long offset, long length) throws IOException {
        return ranged(key(sha256), "blob " + sha256, sha256, offset, length);
    }

    /**
     * A ranged GET of {@code key} ({@code what} names it in errors, {@code name} in a
     * {@link NoSuchFileException}), streamed as it arrives.
     */
    private InputStream ranged(String key, String what, String name, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        try {
            if (length == 0) {
                if (head(key).isEmpty()) {
                    throw new NoSuchFileException(name);
                }
                return InputStream.nullInputStream();
            }
            return new S3ObjectStream(client.getObject(GetObjectRequest.builder().bucket(bucket).key(key)
                    .range("bytes=" + offset + "-" + (offset + length - 1)).build()));
        }
        catch (NoSuchKeyException absent) {
            throw new NoSuchFileException(name);
        }
        catch (S3Exception ex) {
            if (ex.statusCode() == 416) { // the range starts beyond the end: nothing to read
                return InputStream.nullInputStream();
            }
            throw new IOException("Cannot read " + what + " in bucket " + bucket + ": " + ex.getMessage(), ex);
        }
        catch (SdkException ex) {
            throw new IOException("Cannot read " + what + " in bucket " + bucket + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public LocalFile localFile(String sha256) throws IOException {
        String key = key(sha256);
        Path dir = staging.create("spool");
        try {
            Path file = dir.resolve(sha256);
            MessageDigest digest = ContentAddress.digest();
            try (InputStream in = new S3ObjectStream(client.getObject(get -> get.bucket(bucket).key(key)));
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                in.transferTo(out);
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
                throw new IOException("The object of blob " + sha256 + " does not hold its bytes");
            }
            return new LocalFile(file, () -> StagingArea.deleteTree(dir));
        }
        catch (NoSuchKeyException absent) {
            StagingArea.deleteTree(dir);
            throw new NoSuchFileException(sha256);
        }
        catch (SdkException ex) {
            StagingArea.deleteTree(dir);
            throw failure("spool", sha256, ex);
        }
        catch (IOException | RuntimeException ex) {
            StagingArea.deleteTree(dir);
            throw ex;
        }
    }

    @Override
    public Optional<Path> directFile(String sha256) {
        ContentAddress.checked(sha256);
        return Optional.empty(); // the bytes are remote
    }

    @Override
    public boolean delete(String sha256) throws IOException {
        String key = key(sha256);
        try {
            if (head(key).isEmpty()) {
                return false;
            }
            client.deleteObject(delete -> delete.bucket(bucket).key(key));
            return true;
        }
        catch (SdkException ex) {
            throw failure("delete", sha256, ex);
        }
    }

    @Override
    public Usage usage() throws IOException {
        try {
            long[] total = new long[2];
            client.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents().stream()
                    .filter(object -> ContentAddress.isValid(object.key().substring(prefix.length())))
                    .forEach(object -> {
                        total[0]++;
                        total[1] += object.size();
                    });
            return new Usage(total[0], total[1]);
        }
        catch (SdkException ex) {
            throw new IOException("Cannot list the bucket " + bucket + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Every blob in the bucket: a listing shows only the service's last-modified times, which need
     * not agree with this cluster's clock, so none is left out by time; callers check
     * {@link #metadata} before they act.
     */
    @Override
    public Stream<String> storedBefore(Instant cutoff) throws IOException {
        try {
            return client.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(object -> object.key().substring(prefix.length())).filter(ContentAddress::isValid);
        }
        catch (SdkException ex) {
            throw new IOException("Cannot list the bucket " + bucket + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public int sweepStaging(Duration age) throws IOException {
        int swept = staging.sweep(age);
        Instant cutoff = clock.instant().minus(age);
        try {
            // blobs' and parts' (a large chunk of a resumable upload goes up in parts too)
            List<MultipartUpload> abandoned = Stream.of(prefix, partPrefix).flatMap(keys -> client
                    .listMultipartUploadsPaginator(list -> list.bucket(bucket).prefix(keys)).uploads().stream())
                    .filter(upload -> upload.initiated().isBefore(cutoff)).toList();
            for (MultipartUpload upload : abandoned) {
                uploads.abortQuietly(upload.key(), upload.uploadId());
                swept++;
            }
        }
        catch (SdkException ex) {
            throw new IOException("Cannot list the bucket's unfinished uploads: " + ex.getMessage(), ex);
        }
        return swept;
    }

    @Override
    public PartFile createPart(String name) throws IOException {
        String key = partPrefix + PartNames.checked(name);
        Path dir = staging.create("part");
        Path file = Files.createFile(dir.resolve("part"));
        return new PartFile() {
            @Override
            public Path path() {
                return file; // spooled here, sent whole when published
            }

            @Override
            public void publish() throws IOException {
                try {
                    uploads.upload(file, key, Files.size(file), storedNow());
                }
                catch (SdkException ex) {
                    throw new IOException("Cannot store part " + name + " in bucket " + bucket + ": "
                            + ex.getMessage(), ex);
                }
            }

            @Override
            public void close() throws IOException {
                StagingArea.deleteTree(dir);
            }
        };
    }

    @Override
    public Optional<Long> partSize(String name) throws IOException {
        try {
            return head(partPrefix + PartNames.checked(name)).map(HeadObjectResponse::contentLength);
        }
        catch (SdkException ex) {
            throw new IOException("Cannot look up part " + name + " in bucket " + bucket + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public InputStream readPart(String name, long length) throws IOException {
        return ranged(partPrefix + PartNames.checked(name), "part " + name, name, 0, length);
    }

    @Override
    public boolean deletePart(String name) throws IOException {
        String key = partPrefix + PartNames.checked(name);
        try {
            if (head(key).isEmpty()) {
                return false;
            }
            client.deleteObject(delete -> delete.bucket(bucket).key(key));
            return true;
        }
        catch (SdkException ex) {
            throw new IOException("Cannot delete part " + name + " in bucket " + bucket + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public Stream<Part> parts(String prefix) throws IOException {
        String start = partPrefix + PartNames.checkedPrefix(prefix);
        try {
            return client.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(start)).contents().stream()
                    .map(object -> new Part(object.key().substring(partPrefix.length()), object.size(),
                            object.lastModified()));
        }
        catch (SdkException ex) {
            throw new IOException("Cannot list the bucket " + bucket + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(client.headObject(head -> head.bucket(bucket).key(key)));
        }
        catch (NoSuchKeyException absent) {
            return Optional.empty();
        }
        catch (S3Exception ex) {
            if (ex.statusCode() == 404) { // a HEAD answer has no body to name the error
                return Optional.empty();
            }
            throw ex;
        }
    }

    private Map<String, String> storedNow() {
        return Map.of(STORED_AT, clock.instant().toString());
    }

    /** The time this cluster stored it; the service's own time for objects stored without one. */
    private static Instant lastStored(HeadObjectResponse head) {
        String storedAt = head.metadata().get(STORED_AT);
        if (storedAt != null) {
            try {
                return Instant.parse(storedAt);
            }
            catch (java.time.format.DateTimeParseException unreadable) {
                // fall back to the service's time
            }
        }
        return head.lastModified();
    }

    private String key(String sha256) {
        return prefix + ContentAddress.checked(sha256);
    }

    private IOException failure(String action, String sha256, SdkException ex) {
        return new IOException("Cannot " + action + " blob " + sha256 + " in bucket " + bucket + ": " + ex.getMessage(),
                ex);
    }
}
