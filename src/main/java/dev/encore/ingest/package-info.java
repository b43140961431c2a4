/**
 * URL imports through yt-dlp and ffmpeg, their jobs and progress. The root holds what must keep its
 * name: {@link ImportQueued} (the event publication registry stores event class names), the JobRunr
 * jobs {@link ImportWorker} and {@link IngestMaintenance} (persisted jobs name their class, method and
 * argument types) and {@link SourceMetadata} (Java-serialized into the metadata cache). The features
 * live in {@code imports}, {@code files}, {@code artifact}, {@code run}, {@code request},
 * {@code progress}, {@code source}, {@code pipeline}, {@code admission}, {@code schedule} and
 * {@code config}, which Spring Modulith keeps internal.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform :: spi", "account", "media" })
package dev.encore.ingest;

import org.springframework.modulith.ApplicationModule;
