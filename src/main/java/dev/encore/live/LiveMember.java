package dev.encore.live;

import java.time.Instant;
import java.util.UUID;

/**
 * A user present in a live session.
 *
 * @param userId   the user
 * @param username their display name (the account's username)
 * @param since    when their earliest live connection to the session subscribed
 */
public record LiveMember(UUID userId, String username, Instant since) {
}
