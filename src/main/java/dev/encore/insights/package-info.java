/**
 * Play, download and watch analytics and report export. Fed by events only: it reads the public
 * event records of {@code library} ({@code TrackPlayed}), {@code delivery} ({@code FileDownloaded},
 * {@code VideoWatched}), {@code ingest} ({@code ImportQueued}) and {@code account}
 * ({@code UserDeleted}) and calls no other module; the roll-ups live in {@code rollup}, the API in
 * {@code query} and the report export in {@code report}, which Spring Modulith keeps internal.
 */
@ApplicationModule(allowedDependencies = { "platform", "account", "library", "delivery", "ingest" })
package dev.encore.insights;

import org.springframework.modulith.ApplicationModule;
