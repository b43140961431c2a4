/**
 * Play, download and watch analytics and report export.
 */
@ApplicationModule(allowedDependencies = { "platform", "library" })
package dev.encore.insights;

import org.springframework.modulith.ApplicationModule;
