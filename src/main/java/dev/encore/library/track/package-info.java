/**
 * Tracks: the audio aggregate, its details, filters, views and the /api/v1/tracks endpoints.
 */
package dev.encore.library.track;
