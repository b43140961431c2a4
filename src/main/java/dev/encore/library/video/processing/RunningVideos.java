package dev.encore.library.video.processing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * The videos this node is processing, each with a cancel flag. A cancel or delete on this node
 * raises the flag at once and ffmpeg is stopped; one on another node is noticed by the job when its
 * next progress update changes nothing.
 */
@Component
public class RunningVideos {

    private final Map<UUID, AtomicBoolean> running = new ConcurrentHashMap<>();

    AtomicBoolean start(UUID videoId) {
        AtomicBoolean flag = new AtomicBoolean();
        running.put(videoId, flag);
        return flag;
    }

    void finish(UUID videoId, AtomicBoolean flag) {
        running.remove(videoId, flag);
    }

    /** Stops this node's processing of the video, if it runs here. */
    public void cancel(UUID videoId) {
        AtomicBoolean flag = running.get(videoId);
        if (flag != null) {
            flag.set(true);
        }
    }
}
