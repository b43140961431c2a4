/**
 * Where imports come from: the source policy and egress guard, yt-dlp metadata resolution and
 * options, and the mapping of tool failures to safe reasons.
 */
package dev.encore.ingest.source;
