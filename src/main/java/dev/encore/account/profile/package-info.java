/**
 * The signed-in user's own account: profile, password change, deletion.
 */
package dev.encore.account.profile;
