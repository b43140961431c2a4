/**
 * Serving stored files: which files and bundles a user may have ({@code DeliverableCatalog}),
 * writing one to the response with Range, ETag and sendfile ({@code FileStreamer}), and Content-
 * Disposition names.
 */
package dev.encore.delivery.file;
