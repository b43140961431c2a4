package dev.encore.library.presentation;

import java.util.UUID;

/**
 * A presentation was created and waits for its slides: published in the creating transaction, so
 * the job is enqueued after the commit (and again after a crash until it was).
 *
 * @param presentationId the presentation (also its job's id)
 */
public record PresentationSubmitted(UUID presentationId) {
}
