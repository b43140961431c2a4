/**
 * Accounts themselves: the {@code User} aggregate (credentials, roles, two-factor state) and its
 * repository, the narrow facades the other features read and change accounts through, and the account
 * audit trail.
 */
package dev.encore.account.user;
