/**
 * Password reset for people who forgot theirs: a single-use, short-lived link by e-mail, then a new
 * password that ends every session.
 */
package dev.encore.account.recovery;
