/**
 * Two-factor authentication: TOTP enrolment and codes (RFC 6238), single-use recovery codes.
 */
package dev.encore.account.mfa;
