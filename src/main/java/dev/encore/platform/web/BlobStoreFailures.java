package dev.encore.platform.web;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Tells a bucket that is away (refused, timed out, answering 5xx or throttling) from anything else
 * that went wrong, anywhere in the cause chain: the S3 store wraps the SDK's failure in an
 * {@code IOException} of its own.
 */
final class BlobStoreFailures {

    private BlobStoreFailures() {
    }

    static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SdkClientException
                    || cause instanceof SdkServiceException service
                            && (service.statusCode() >= 500 || service.isThrottlingException())) {
                return true;
            }
        }
        return false;
    }
}
