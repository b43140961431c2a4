package dev.encore.platform.web;

import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;

/**
 * Tells the multipart failures Spring reports as an upload over the size limit apart. Spring reads
 * any parse failure whose message speaks of a size being exceeded as one; among them is a part
 * whose headers are longer than Tomcat takes ({@code server.tomcat.max-part-header-size}): a long
 * file name, not a large file. Tomcat says which in its message only.
 */
final class MultipartFailures {

    private static final String HEADER_SECTION_TOO_LONG = "Header section has more than";

    private MultipartFailures() {
    }

    static boolean partHeadersTooLong(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SizeLimitExceededException && cause.getMessage() != null
                    && cause.getMessage().startsWith(HEADER_SECTION_TOO_LONG)) {
                return true;
            }
        }
        return false;
    }
}
