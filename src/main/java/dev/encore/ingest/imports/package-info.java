/**
 * The Import aggregate: an import, its items, their states and failure reasons, the output
 * format, and how an import is shown.
 */
package dev.encore.ingest.imports;
