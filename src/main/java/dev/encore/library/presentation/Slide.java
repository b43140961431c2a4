package dev.encore.library.presentation;

/**
 * One rendered page: a full-size and a thumbnail WebP (blobs) and the page's text; a row of
 * {@code presentation_slides} ({@link PresentationSlides}).
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
public record Slide(
        int number,
        int width,
        int height,
        String fullSha256,
        long fullBytes,
        int thumbWidth,
        int thumbHeight,
        String thumbSha256,
        long thumbBytes,
        String text) {
}
