/** Live import progress for clients: the server-sent event stream and the STOMP message. */
package dev.encore.ingest.progress;
