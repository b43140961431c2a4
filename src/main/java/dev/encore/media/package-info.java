/**
 * What is done to media files: the ffmpeg, ffprobe and yt-dlp settings ({@code encore.media.*}),
 * running the tools safely, probing, conversion, transcoded renditions and covers; the place for
 * HLS packaging, thumbnails and slide rendering.
 */
@ApplicationModule(allowedDependencies = "platform")
package dev.encore.media;

import org.springframework.modulith.ApplicationModule;
