package dev.encore.ingest.run;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * The imports this node is working on, each with a cancel flag. A cancel on this node sets the
 * flag at once; a cancel on another node is noticed by the worker when its next conditional
 * update changes nothing. Tools are stopped by the flag (the process runner polls it), never by
 * interrupting a thread that may be inside the database driver.
 */
@Component
public class RunningImports {

    private final Map<UUID, AtomicBoolean> running = new ConcurrentHashMap<>();

    AtomicBoolean start(UUID importId) {
        return running.computeIfAbsent(importId, id -> new AtomicBoolean());
    }

    void finish(UUID importId) {
        running.remove(importId);
    }

    public void cancel(UUID importId) {
        AtomicBoolean flag = running.get(importId);
        if (flag != null) {
            flag.set(true);
        }
    }

    int count() {
        return running.size();
    }
}
