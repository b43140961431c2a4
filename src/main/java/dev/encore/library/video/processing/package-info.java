/**
 * Video processing: the JobRunr job that makes a video's HLS ladder, poster, thumbnail and
 * storyboard (through {@link dev.encore.media.VideoProcessor}) and stores them, its scheduling and
 * sweep, the per-node worker limit, cancel and re-run, and live progress (STOMP and SSE).
 */
package dev.encore.library.video.processing;
