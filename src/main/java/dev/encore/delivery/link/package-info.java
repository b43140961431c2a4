/**
 * Signed, expiring tokens ({@code LinkSigner}) shared by download links and stream URLs, their
 * 403/410 problems, and the link lifetimes ({@code encore.delivery.*}).
 */
package dev.encore.delivery.link;
