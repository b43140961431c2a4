/** The imports API: starting, listing, cancelling and deleting imports, and their validation. */
package dev.encore.ingest.request;
