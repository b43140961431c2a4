/**
 * Users, roles, credentials, sessions, MFA and OAuth sign-in.
 */
@ApplicationModule(allowedDependencies = { "platform" })
package dev.encore.account;

import org.springframework.modulith.ApplicationModule;
