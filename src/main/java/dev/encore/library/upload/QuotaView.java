package dev.encore.library.upload;

/**
 * Where a user stands against the storage quota and the daily upload quota.
 *
 * @param storageUsedBytes    bytes stored now: imports' files, uploads and library content
 * @param storageLimitBytes   the storage quota ({@code encore.quota.default-bytes})
 * @param uploadedTodayBytes  bytes uploaded in the last 24 hours, plus what unfinished resumable uploads reserve
 * @param dailyUploadBytes    the daily upload quota ({@code encore.upload.daily-bytes})
 * @param maxUploadBytes      the largest single upload ({@code encore.upload.max-bytes})
 */
record QuotaView(long storageUsedBytes, long storageLimitBytes, long uploadedTodayBytes, long dailyUploadBytes,
        long maxUploadBytes) {
}
