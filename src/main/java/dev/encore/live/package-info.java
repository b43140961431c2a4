/**
 * Listening rooms, premieres, presence and chat over STOMP.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform :: spi", "account", "library" })
package dev.encore.live;

import org.springframework.modulith.ApplicationModule;
