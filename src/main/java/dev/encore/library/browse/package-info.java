/**
 * Browsing the track library by artist, album and genre.
 */
package dev.encore.library.browse;
