package dev.encore.library.content;

/**
 * The stored bytes content is made from (an upload's or an import's file).
 *
 * @param sha256     content address
 * @param mimeType   detected type
 * @param size       bytes
 * @param durationMs probed duration
 * @param filename   display name
 */
public record StoredMedia(String sha256, String mimeType, long size, long durationMs, String filename) {
}
