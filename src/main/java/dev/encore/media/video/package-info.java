/**
 * Video processing internals: reading a video's ffprobe output, planning the HLS ladder, the
 * ffmpeg command line that makes it all in one decode, the storyboard and the master playlist.
 */
package dev.encore.media.video;
