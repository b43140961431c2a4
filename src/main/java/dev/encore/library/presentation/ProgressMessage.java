package dev.encore.library.presentation;

import java.util.UUID;

/**
 * A presentation's rendering progress, as pushed to its owner (STOMP {@code /user/queue/presentations})
 * and on its event stream ({@code GET /api/v1/presentations/{id}/events}, events named
 * {@code presentation}).
 *
 * @param id            the presentation
 * @param state         processing, ready or failed
 * @param progress      0..100
 * @param failureReason why it failed, in plain words (null unless failed)
 */
record ProgressMessage(UUID id, String state, int progress, String failureReason) {

    static final String TOPIC = "presentations";
}
