/**
 * Streaming: signed stream URLs (the {@code StreamLinks} SPI), checking them, and the track and
 * video stream endpoints with Range and on-the-fly renditions.
 */
package dev.encore.delivery.stream;
