package dev.encore.platform.spi;

import java.util.Map;

/**
 * What a module tells the admin status page ({@code GET /api/v1/admin/status}) about itself
 * beyond its health: the versions of the programs it runs and the work waiting for it. Each
 * module that runs external tools or queues work implements it.
 */
public interface StatusSource {

    /** Program name → its version, for the programs this module runs; a missing one is absent. */
    default Map<String, String> toolVersions() {
        return Map.of();
    }

    /** Queue name → what waits and what runs in it, cluster-wide. */
    default Map<String, Queue> queues() {
        return Map.of();
    }

    /**
     * One queue of work.
     *
     * @param waiting jobs waiting for a worker
     * @param running jobs being worked on
     */
    record Queue(long waiting, long running) {
    }
}
