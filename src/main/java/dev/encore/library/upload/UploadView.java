package dev.encore.library.upload;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * An upload as its owner sees it.
 *
 * @param id          upload id (for {@code POST /api/v1/tracks}, {@code /videos} or {@code /presentations}
 *                    {@code {uploadId}}, each taking its own kind)
 * @param kind        audio, video, image or pdf, from the bytes
 * @param mimeType    the detected type
 * @param size        bytes
 * @param filename    the sent name, sanitized (display only)
 * @param durationMs  audio/video duration
 * @param title       probed title tag
 * @param artist      probed artist tag
 * @param album       probed album tag
 * @param genre       probed genre tag
 * @param year        probed year
 * @param trackNumber probed track number
 * @param codec       probed codec (of the audio stream, if there is one)
 * @param bitRate     probed overall bit rate, bits per second
 * @param coverUrl    the embedded cover picture, if the file had one
 * @param expiresAt   deleted then unless it became library content
 */
record UploadView(UUID id, String kind, String mimeType, long size, String filename, Long durationMs,
        String title, String artist, String album, String genre, Integer year, Integer trackNumber, String codec,
        Long bitRate, String coverUrl, Instant expiresAt) {

    static UploadView of(Upload upload) {
        return new UploadView(upload.id(), upload.kind().name().toLowerCase(Locale.ROOT), upload.mimeType(),
                upload.size(), upload.filename(), upload.durationMs(), upload.title(), upload.artist(), upload.album(),
                upload.genre(), upload.year(), upload.trackNumber(), upload.codec(), upload.bitRate(),
                upload.coverSha256() == null ? null : "/api/v1/uploads/" + upload.id() + "/cover", upload.expiresAt());
    }
}
