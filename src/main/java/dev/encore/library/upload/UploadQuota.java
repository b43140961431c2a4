package dev.encore.library.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.Problems;
import dev.encore.platform.StorageQuota;

/**
 * The limits every upload passes, multipart or resumable: the storage quota and the daily upload
 * quota (uploads of the last 24 hours, plus what unfinished resumable uploads and single-request
 * uploads being inspected have reserved). An upload is {@link #admit admitted} under its owner's lock,
 * so concurrent uploads cannot all pass the check before any of them counts.
 */
@Component
class UploadQuota {

    private final ObjectProvider<StorageQuota> storage;
    private final Uploads uploads;
    private final TusUploads resumable;
    private final QuotaReservations reservations;
    private final UploadProperties properties;
    private final Clock clock;

    /** The storage quota is looked up lazily: it adds up usages, and resumable uploads' reservations are one. */
    UploadQuota(ObjectProvider<StorageQuota> storage, Uploads uploads, TusUploads resumable,
            QuotaReservations reservations, UploadProperties properties, Clock clock) {
        this.storage = storage;
        this.uploads = uploads;
        this.resumable = resumable;
        this.reservations = reservations;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Admits an upload of {@code bytes}: under {@code ownerId}'s lock (every node), {@link #require}s
     * them, then runs {@code reservation}, which stores what makes them count in the quotas (a
     * resumable upload, an {@link UploadReservation}); it is committed before the owner's next check.
     *
     * @return what {@code reservation} stored
     * @throws ErrorResponseException 403 {@code quota-exceeded}: nothing was stored
     */
    <T> T admit(UUID ownerId, long bytes, Supplier<T> reservation) {
        return reservations.underLock(ownerId, () -> {
            require(ownerId, bytes);
            return reservation.get();
        });
    }

    /**
     * Admits a single-request upload of {@code bytes} (see {@link #admit}), held in the quotas until it
     * is {@link #release released}.
     */
    UploadReservation reserve(UUID ownerId, long bytes) {
        return admit(ownerId, bytes, () -> reservations.reserve(ownerId, bytes));
    }

    /** The reserved upload was stored (it counts as itself now) or refused. */
    void release(UploadReservation reservation) {
        reservations.release(reservation);
    }

    /**
     * Refuses (403 {@code quota-exceeded}) when {@code ownerId} may not upload {@code bytes} more now;
     * a check only: {@link #admit} is the one that holds.
     */
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
        return uploads.uploadedSince(ownerId, since) + resumable.reservedSince(ownerId, since, now)
                + reservations.reservedSince(ownerId, since);
    }

    private static ErrorResponseException dailyExceeded() {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "quota-exceeded",
                "Daily upload quota exceeded", "You have uploaded as much as a day allows; try again later."), null);
    }
}
