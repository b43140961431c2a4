package dev.encore.insights.rollup;

import java.time.Instant;
import java.util.UUID;

/**
 * One event to count.
 *
 * @param eventId  identifies the event: counted once however often it is delivered
 * @param activity what happened
 * @param itemId   to which item
 * @param ownerId  whose item it is (null when unknown)
 * @param userId   who did it (null when nobody signed in)
 * @param name     the item's name, for display (null when unknown)
 * @param at       when; counted on its UTC day
 */
public record Counted(UUID eventId, Activity activity, UUID itemId, UUID ownerId, UUID userId, String name,
        Instant at) {
}
