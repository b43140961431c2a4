/**
 * URL imports through yt-dlp and ffmpeg, their jobs and progress.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform :: spi", "account", "media" })
package dev.encore.ingest;

import org.springframework.modulith.ApplicationModule;
