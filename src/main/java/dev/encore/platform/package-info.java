/**
 * Cross-cutting foundation every module builds on: configuration, problem+json errors,
 * request ids, security headers, CORS, client addresses, rate limits, pagination and probes.
 */
@ApplicationModule(allowedDependencies = {})
package dev.encore.platform;

import org.springframework.modulith.ApplicationModule;
