package dev.encore.platform.storage;

import java.io.FilterInputStream;
import java.io.IOException;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An object's bytes as they arrive. Closing it before the end aborts the connection instead of
 * draining the rest of a long range (a listener who skips ahead would otherwise cost the whole
 * remaining body); read failures of the SDK come out as {@link IOException}s.
 */
final class S3ObjectStream extends FilterInputStream {

    private final ResponseInputStream<GetObjectResponse> object;
    private long remaining;

    S3ObjectStream(ResponseInputStream<GetObjectResponse> object) {
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
