package dev.encore.live.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * A chat message as clients see it (broadcast {@code chat} and the REST history).
 *
 * @param id       the message
 * @param userId   who wrote it
 * @param username their username
 * @param text     trimmed, 1 to {@code encore.live.chat-max-length} characters
 * @param sentAt   when the server took it
 */
record ChatMessage(UUID id, UUID userId, String username, String text, Instant sentAt) {
}
