package dev.encore.platform.web;

import java.io.IOException;

/**
 * A request body grew past its limit while being read. An {@link IOException} so that body
 * readers (Jackson) pass it through as a read failure; {@link ProblemHandler} finds it in the
 * cause chain and answers 413.
 */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
    }
}
