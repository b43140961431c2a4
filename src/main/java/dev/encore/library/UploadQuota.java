package dev.encore.library;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;
import dev.encore.platform.StorageQuota;

/**
 * The limits every upload passes: the storage quota and the daily upload quota (uploads of the
 * last 24 hours).
 */
@Component
class UploadQuota {

    private final StorageQuota storage;
    private final Uploads uploads;
    private final UploadProperties properties;
    private final Clock clock;

    UploadQuota(StorageQuota storage, Uploads uploads, UploadProperties properties, Clock clock) {
        this.storage = storage;
        this.uploads = uploads;
        this.properties = properties;
        this.clock = clock;
    }

    /** Refuses (403 {@code quota-exceeded}) when {@code ownerId} may not upload {@code bytes} more now. */
    void require(UUID ownerId, long bytes) {
        storage.require(ownerId, bytes);
        if (uploadedToday(ownerId) + bytes > properties.dailyBytes().toBytes()) {
            throw dailyExceeded();
        }
    }

    private long uploadedToday(UUID ownerId) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(1));
        return uploads.uploadedSince(ownerId, since);
    }

    private static ErrorResponseException dailyExceeded() {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "quota-exceeded",
                "Daily upload quota exceeded", "You have uploaded as much as a day allows; try again later."), null);
    }
}
