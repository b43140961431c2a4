package dev.encore.library.video.processing;

import java.util.UUID;

/**
 * A change of a video's processing, pushed on STOMP {@code /user/queue/videos} (to the owner) and
 * on the video's SSE stream.
 *
 * @param videoId       the video
 * @param state         {@code processing}, {@code ready}, {@code failed} or {@code cancelled}
 * @param progress      percent done, 0..100
 * @param failureReason why it failed, in plain words; null unless failed
 */
public record VideoProgressMessage(UUID videoId, String state, int progress, String failureReason) {

    public static final String TOPIC = "videos";
}
