/**
 * Registering accounts, the admin registration key and its bootstrap-only rule.
 */
package dev.encore.account.registration;
