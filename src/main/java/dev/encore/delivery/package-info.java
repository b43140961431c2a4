/**
 * Signed download links, Range streaming, zip bundles and HLS serving.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform :: spi", "library", "media" })
package dev.encore.delivery;

import org.springframework.modulith.ApplicationModule;
