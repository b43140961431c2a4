package dev.encore.library.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;
import dev.encore.platform.StorageQuota;

/**
 * The limits every upload passes, multipart or resumable: the storage quota and the daily upload
 * quota (uploads of the last 24 hours, plus what unfinished resumable uploads have reserved).
 */
@Component
class UploadQuota {

    private final ObjectProvider<StorageQuota> storage;
    private final Uploads uploads;
    private final TusUploads resumable;
    private final UploadProperties properties;
    private final Clock clock;

    /** The storage quota is looked up lazily: it adds up usages, and resumable uploads' reservations are one. */
    UploadQuota(ObjectProvider<StorageQuota> storage, Uploads uploads, TusUploads resumable, UploadProperties properties,
            Clock clock) {
        this.storage = storage;
        this.uploads = uploads;
        this.resumable = resumable;
        this.properties = properties;
        this.clock = clock;
    }

    /** Refuses (403 {@code quota-exceeded}) when {@code ownerId} may not upload {@code bytes} more now. */
    void require(UUID ownerId, long bytes) {
        storage.getObject().require(ownerId, bytes);
        if (uploadedToday(ownerId) + bytes > properties.dailyBytes().toBytes()) {
            throw dailyExceeded();
        }
    }

    /**
     * Refuses (403) when {@code ownerId} is over a quota now, counting what is already reserved:
     * checked again while a resumable upload's bytes arrive (its own reservation counts).
     */
    void requireWithin(UUID ownerId) {
        StorageQuota quota = storage.getObject();
        if (quota.used(ownerId) > quota.limit(ownerId)) {
            throw new StorageQuota.QuotaExceededException();
        }
        if (uploadedToday(ownerId) > properties.dailyBytes().toBytes()) {
            throw dailyExceeded();
        }
    }

    /** Where {@code ownerId} stands against both quotas now. */
    QuotaView usage(UUID ownerId) {
        StorageQuota quota = storage.getObject();
        return new QuotaView(quota.used(ownerId), quota.limit(ownerId), uploadedToday(ownerId),
                properties.dailyBytes().toBytes(), properties.maxBytes().toBytes());
    }

    private long uploadedToday(UUID ownerId) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(1));
        return uploads.uploadedSince(ownerId, since) + resumable.reservedSince(ownerId, since, now);
    }

    private static ErrorResponseException dailyExceeded() {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "quota-exceeded",
                "Daily upload quota exceeded", "You have uploaded as much as a day allows; try again later."), null);
    }
}
