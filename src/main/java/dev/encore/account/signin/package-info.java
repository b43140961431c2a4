/**
 * Signing in and out: login with throttling and the second factor, token refresh and logout, the
 * browser's refresh cookie.
 */
package dev.encore.account.signin;
