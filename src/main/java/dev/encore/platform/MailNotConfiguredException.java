package dev.encore.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Something needs e-mail and this server sends none (503 {@code mail-not-configured}). */
public class MailNotConfiguredException extends ErrorResponseException {

    private MailNotConfiguredException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "mail-not-configured",
                "Mail not configured", detail), null);
    }

    /** What {@code feature} (e.g. "Password reset") needs. */
    public static MailNotConfiguredException forFeature(String feature) {
        return new MailNotConfiguredException(feature + " needs e-mail, and this Encore sends none. Ask its admin.");
    }
}
