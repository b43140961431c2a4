/** JobRunr scheduling: accepted imports become jobs, housekeeping runs as recurring jobs. */
package dev.encore.ingest.schedule;
