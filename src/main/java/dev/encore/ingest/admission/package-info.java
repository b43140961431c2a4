/** Per-owner admission: one lock row per owner serialises the per-user limits across nodes. */
package dev.encore.ingest.admission;
