package dev.encore.platform.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import dev.encore.platform.BlobStore;

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
    private static final int MAX_PARTS = 10_000;
    /** User metadata holding when the blob was last stored (ISO-8601, this cluster's clock). */
    static final String STORED_AT = "stored-at";

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final long multipartThreshold;
    private final long partSize;
    private final Clock clock;

    public S3BlobStore(S3Client client, StorageProperties.S3 settings, StagingArea staging, Clock clock) {
        super(staging);
        this.client = client;
        this.bucket = settings.bucket();
        this.prefix = settings.keyPrefix() + "blobs/";
        this.multipartThreshold = settings.multipartThreshold().toBytes();
        this.partSize = settings.partSize().toBytes();
        this.clock = clock;
    }

    @Override
    protected void commit(Path file, StoredBlob blob) throws IOException {
        String key = key(blob.sha256());
        try {
            Optional<HeadObjectResponse> existing = head(key);
            if (existing.isEmpty() || existing.get().contentLength() != blob.size() || !renewed(key, blob.size())) {
                upload(file, key, blob.size(), storedNow());
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
            upload(file, key(sha256), Files.size(file), Map.of(STORED_AT, storedAt.toString()));
        }
        catch (SdkException ex) {
            throw failure("copy in", sha256, ex);
        }
    }

    /** Whether the object holds exactly the bytes its address names: read back and hashed. */
    boolean holds(String sha256) throws IOException {
        try (InputStream in = new ObjectStream(client.getObject(get -> get.bucket(bucket).key(key(sha256))))) {
            return ContentAddress.of(in).equals(sha256);
        }
        catch (NoSuchKeyException absent) {
            return false;
        }
        catch (SdkException ex) {
            throw failure("verify", sha256, ex);
        }
    }

    private void upload(Path file, String key, long size, Map<String, String> metadata) {
        if (size < multipartThreshold) {
            client.putObject(put -> put.bucket(bucket).key(key).contentLength(size).metadata(metadata),
                    RequestBody.fromFile(file));
            return;
        }
        // at most 10,000 parts: very large files get larger parts
        long part = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
        String uploadId = client.createMultipartUpload(create -> create.bucket(bucket).key(key)
                .metadata(metadata)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += part, number++) {
                long length = Math.min(part, size - offset);
                long from = offset;
                int partNumber = number;
                // each attempt (the SDK retries) reads the part afresh from the file: nothing is buffered
                String etag = client.uploadPart(upload -> upload.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(partNumber).contentLength(length), RequestBody.fromContentProvider(
                                () -> slice(file, from, length), length, "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            client.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        }
        catch (RuntimeException ex) {
            abortQuietly(key, uploadId);
            throw ex;
        }
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
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
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        String key = key(sha256);
        if (length == 0) {
            if (metadata(sha256).isEmpty()) {
                throw new NoSuchFileException(sha256);
            }
            return InputStream.nullInputStream();
        }
        try {
            return new ObjectStream(client.getObject(GetObjectRequest.builder().bucket(bucket).key(key)
                    .range("bytes=" + offset + "-" + (offset + length - 1)).build()));
        }
        catch (NoSuchKeyException absent) {
            throw new NoSuchFileException(sha256);
        }
        catch (S3Exception ex) {
            if (ex.statusCode() == 416) { // the range starts beyond the end: nothing to read
                return InputStream.nullInputStream();
            }
            throw failure("read", sha256, ex);
        }
        catch (SdkException ex) {
            throw failure("read", sha256, ex);
        }
    }

    @Override
    public LocalFile localFile(String sha256) throws IOException {
        String key = key(sha256);
        Path dir = staging.create("spool");
        try {
            Path file = dir.resolve(sha256);
            MessageDigest digest = ContentAddress.digest();
            try (InputStream in = new ObjectStream(client.getObject(get -> get.bucket(bucket).key(key)));
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
            List<MultipartUpload> abandoned = client.listMultipartUploadsPaginator(list -> list.bucket(bucket)
                    .prefix(prefix)).uploads().stream().filter(upload -> upload.initiated().isBefore(cutoff)).toList();
            for (MultipartUpload upload : abandoned) {
                abortQuietly(upload.key(), upload.uploadId());
                swept++;
            }
        }
        catch (SdkException ex) {
            throw new IOException("Cannot list the bucket's unfinished uploads: " + ex.getMessage(), ex);
        }
        return swept;
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

    private void abortQuietly(String key, String uploadId) {
        try {
            client.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
        }
        catch (SdkException ex) {
            // the staging sweep aborts it later
        }
    }

    private String key(String sha256) {
        return prefix + ContentAddress.checked(sha256);
    }

    private IOException failure(String action, String sha256, SdkException ex) {
        return new IOException("Cannot " + action + " blob " + sha256 + " in bucket " + bucket + ": " + ex.getMessage(),
                ex);
    }

    /**
     * An object's bytes as they arrive. Closing it before the end aborts the connection instead of
     * draining the rest of a long range (a listener who skips ahead would otherwise cost the whole
     * remaining body); read failures of the SDK come out as {@link IOException}s.
     */
    private static final class ObjectStream extends FilterInputStream {

        private final ResponseInputStream<GetObjectResponse> object;
        private long remaining;

        ObjectStream(ResponseInputStream<GetObjectResponse> object) {
            super(object);
            this.object = object;
            Long length = object.response().contentLength();
            this.remaining = length == null ? Long.MAX_VALUE : length;
        }

        @Override
        public int read() throws IOException {
            try {
                int read = super.read();
                remaining = read < 0 ? 0 : remaining - 1;
                return read;
            }
            catch (SdkException ex) {
                throw new IOException(ex.getMessage(), ex);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int read = super.read(buffer, offset, length);
                remaining = read < 0 ? 0 : remaining - read;
                return read;
            }
            catch (SdkException ex) {
                throw new IOException(ex.getMessage(), ex);
            }
        }

        @Override
        public void close() throws IOException {
            if (remaining > 0) {
                object.abort();
            }
            super.close();
        }
    }
}
