package dev.encore.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Something needs e-mail and this server sends none (404 {@code mail-not-configured}): the feature is
 * not offered here, which is neither a server failure nor a passing state, so no 5xx.
 */
public class MailNotConfiguredException extends ErrorResponseException {

    private MailNotConfiguredException(String detail) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "mail-not-configured",
                "Mail not configured", detail), null);
    }

    /** What {@code feature} (e.g. "Password reset") needs. */
    public static MailNotConfiguredException forFeature(String feature) {
        return new MailNotConfiguredException(feature + " needs e-mail, and this Encore sends none. Ask its admin.");
    }
}
