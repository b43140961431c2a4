package dev.encore.platform;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.encore.platform.spi.StorageUsage;

/**
 * The per-user storage quota ({@code encore.quota.default-bytes}) over everything every module
 * stores for the user ({@link StorageUsage}).
 */
@Component
public class StorageQuota {

    private final List<StorageUsage> usages;
    private final QuotaProperties properties;

    StorageQuota(List<StorageUsage> usages, QuotaProperties properties) {
        this.usages = usages;
        this.properties = properties;
    }

    /** Bytes {@code ownerId} stores now. */
    public long used(UUID ownerId) {
        return usages.stream().mapToLong(usage -> usage.bytesUsedBy(ownerId)).sum();
    }

    public long limit(UUID ownerId) {
        return properties.defaultBytes().toBytes();
    }

    /** Bytes {@code ownerId} may still store (never negative). */
    public long remaining(UUID ownerId) {
        return Math.max(0, limit(ownerId) - used(ownerId));
    }

    /**
     * Refuses when {@code ownerId} cannot store {@code bytes} more.
     *
     * @throws QuotaExceededException (403 {@code quota-exceeded})
     */
    public void require(UUID ownerId, long bytes) {
        if (remaining(ownerId) < Math.max(bytes, 1)) {
            throw new QuotaExceededException();
        }
    }

    /** The user's storage quota is full (403 {@code quota-exceeded}). */
    public static class QuotaExceededException extends ErrorResponseException {

        public QuotaExceededException() {
            super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "quota-exceeded", "Storage quota exceeded",
                    "Your storage quota is full; delete files or save fewer to make room."), null);
        }
    }
}
