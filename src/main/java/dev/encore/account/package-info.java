/**
 * Users, roles, credentials, sessions and MFA. The root is what other modules use: {@link Accounts}
 * (how an account stands now) and {@link UserDeleted}; the features live in {@code user},
 * {@code registration}, {@code signin}, {@code session}, {@code mfa}, {@code password}, {@code admin}
 * and {@code profile}, which Spring Modulith keeps internal.
 */
@ApplicationModule(allowedDependencies = { "platform", "platform :: spi" })
package dev.encore.account;

import org.springframework.modulith.ApplicationModule;
