package dev.encore.live.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * A chat message as clients see it (broadcast {@code chat} and the REST history).
 *
 * @param id       the message
 * @param userId   who wrote it
 * @param username    their username (unique, never changes)
 * @param displayName the name to show for them: their display name now, or their username when they have
 *                    none (or their account is gone)
 * @param text     trimmed, 1 to {@code encore.live.chat-max-length} characters
 * @param sentAt   when the server took it
 */
record ChatMessage(UUID id, UUID userId, String username, String displayName, String text, Instant sentAt) {

    /** This message with {@code name} to show for its author (null keeps the one it has). */
    ChatMessage shownAs(String name) {
        return name == null ? this : new ChatMessage(id, userId, username, name, text, sentAt);
    }
}
