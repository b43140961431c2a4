/** Settings plumbing of the media module: the deprecated {@code encore.ingest.*} tool keys. */
package dev.encore.media.config;
