/**
 * Downloads: signed download links for files and bundles, {@code /api/v1/files} and the {@code
 * /dl/{token}} endpoint that serves a file or zips a bundle.
 */
package dev.encore.delivery.download;
