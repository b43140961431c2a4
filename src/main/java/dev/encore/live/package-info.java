/**
 * Listening rooms, premieres, presence and chat over STOMP.
 */
@ApplicationModule(allowedDependencies = { "platform", "account", "library" })
package dev.encore.live;

import org.springframework.modulith.ApplicationModule;
