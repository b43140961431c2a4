/**
 * Playlists: ordered lists of tracks, their items and the /api/v1/playlists endpoints.
 */
package dev.encore.library.playlist;
