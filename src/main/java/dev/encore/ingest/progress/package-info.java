/**
 * Live import progress for clients: telling the owner of every change, the server-sent event stream
 * and the STOMP message.
 */
package dev.encore.ingest.progress;
