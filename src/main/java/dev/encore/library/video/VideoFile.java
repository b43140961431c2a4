package dev.encore.library.video;

import java.util.UUID;

/**
 * One processed output of a video (a playlist, a segment, the poster, ...), stored as a blob: a row
 * of {@code video_files}. Written only together with the rest of the video's outputs, when it
 * becomes ready.
 *
 * @param videoId  the video
 * @param name     relative name, e.g. {@code master.m3u8}, {@code 720p/seg-00001.m4s}, {@code poster.webp}
 * @param sha256   its blob
 * @param size     bytes
 * @param mimeType content type
 */
public record VideoFile(UUID videoId, String name, String sha256, long size, String mimeType) {
}
