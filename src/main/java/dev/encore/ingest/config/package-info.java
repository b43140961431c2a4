/** The module's settings ({@code encore.ingest.*}) and the beans built from them. */
package dev.encore.ingest.config;
