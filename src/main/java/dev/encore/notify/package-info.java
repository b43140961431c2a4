/**
 * E-mail notifications: security alerts to the account's address (password changed or reset,
 * two-step verification turned on or off, new recovery codes, a sign-in from a new device, the account
 * disabled), import updates (opt-in), each user's choices of what to hear, fed by other modules' events after commit and sent
 * through the platform's mail outbox. The features live in {@code preference}, {@code security}, {@code imports} and {@code admin} (a failed nightly backup, to every admin).
 */
@ApplicationModule(allowedDependencies = { "platform", "account", "ingest" })
package dev.encore.notify;

import org.springframework.modulith.ApplicationModule;
