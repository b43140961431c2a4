/**
 * Shared artifacts: the single-flight claim on fetching one source in one format, and the stored
 * result every identical request reuses until it expires.
 */
package dev.encore.ingest.artifact;
