/**
 * Append-only audit trail fed by events from every module.
 */
@ApplicationModule(allowedDependencies = { "platform" })
package dev.encore.audit;

import org.springframework.modulith.ApplicationModule;
