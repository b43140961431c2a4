/**
 * The password policy (length, character classes, common passwords, not the username) and how
 * passwords are hashed.
 */
package dev.encore.account.password;
