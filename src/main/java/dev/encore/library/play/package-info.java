/**
 * Plays: one row per listen, and the viewer's play history endpoints.
 */
package dev.encore.library.play;
