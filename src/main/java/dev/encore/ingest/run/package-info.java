/**
 * Running one import on this node: fetching an item in staging, recording progress and outcomes,
 * the imports running here, and the metrics.
 */
package dev.encore.ingest.run;
