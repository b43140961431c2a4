/**
 * Videos: the video aggregate, its details, filters, views and the /api/v1/videos endpoints.
 */
package dev.encore.library.video;
