/**
 * What admins do to accounts: search them, disable or enable them, change their roles, reset their second factor.
 */
package dev.encore.account.admin;
