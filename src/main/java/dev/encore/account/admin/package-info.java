/**
 * What admins do to accounts: search them, disable or enable them, change their roles.
 */
package dev.encore.account.admin;
