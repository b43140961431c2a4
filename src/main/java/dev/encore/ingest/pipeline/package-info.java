/**
 * Fetching one item through the egress guard with yt-dlp and converting it with ffmpeg; the
 * health of those tools.
 */
package dev.encore.ingest.pipeline;
