package dev.encore.library;

import java.util.UUID;

/**
 * What other modules (live presenter sessions) may know of a presentation.
 *
 * @param id         presentation id
 * @param ownerId    whose it is
 * @param title      its title
 * @param ready      whether its slides are rendered
 * @param slideCount how many slides it has (its page count)
 */
public record PresentationSummary(UUID id, UUID ownerId, String title, boolean ready, int slideCount) {
}
