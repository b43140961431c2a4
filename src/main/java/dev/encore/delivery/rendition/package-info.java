/**
 * Transcoded renditions of tracks (format and bitrate): made once across the cluster, cached in
 * the blob store up to {@code encore.stream.rendition-cache-size} and evicted least recently used,
 * with their 503/422 problems.
 */
package dev.encore.delivery.rendition;
