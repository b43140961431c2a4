/** Fetching one item through the egress guard with yt-dlp and converting it with ffmpeg. */
package dev.encore.ingest.pipeline;
