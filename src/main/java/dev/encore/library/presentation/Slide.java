package dev.encore.library.presentation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One rendered page: a full-size and a thumbnail WebP (blobs) and the page's text.
 *
 * @param number      1-based page number
 * @param width       full-size width, pixels
 * @param height      full-size height, pixels
 * @param fullSha256  full-size image blob
 * @param fullBytes   its size
 * @param thumbWidth  thumbnail width, pixels
 * @param thumbHeight thumbnail height, pixels
 * @param thumbSha256 thumbnail blob
 * @param thumbBytes  its size
 * @param text        the page's text, possibly empty
 */
@Embeddable
public record Slide(
        @Column(name = "slide_number") int number,
        int width,
        int height,
        @Column(name = "full_sha256") String fullSha256,
        @Column(name = "full_bytes") long fullBytes,
        @Column(name = "thumb_width") int thumbWidth,
        @Column(name = "thumb_height") int thumbHeight,
        @Column(name = "thumb_sha256") String thumbSha256,
        @Column(name = "thumb_bytes") long thumbBytes,
        @Column(name = "slide_text") String text) {
}
