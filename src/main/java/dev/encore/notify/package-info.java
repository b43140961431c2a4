/**
 * E-mail notifications: security alerts to the account's address (password changed or reset,
 * two-step verification turned on or off, new recovery codes, a sign-in from a new device, the account
 * disabled), each user's choices of what to hear, fed by other modules' events after commit and sent
 * through the platform's mail outbox. The features live in {@code preference} and {@code security}.
 */
@ApplicationModule(allowedDependencies = { "platform", "account" })
package dev.encore.notify;

import org.springframework.modulith.ApplicationModule;
