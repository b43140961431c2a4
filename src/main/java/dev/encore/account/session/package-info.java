/**
 * Sessions (signed-in devices): refresh-token families with rotation and reuse detection, access
 * tokens, revocation.
 */
package dev.encore.account.session;
