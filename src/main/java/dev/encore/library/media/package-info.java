/**
 * Reading media files for the library: content types, probed tags and embedded cover art.
 */
package dev.encore.library.media;
