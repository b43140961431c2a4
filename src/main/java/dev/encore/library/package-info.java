/**
 * Tracks, videos, presentations, playlists, uploads, search and quotas.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform :: spi", "account", "media" })
package dev.encore.library;

import org.springframework.modulith.ApplicationModule;
