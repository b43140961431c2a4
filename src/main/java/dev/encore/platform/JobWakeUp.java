package dev.encore.platform;

import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks this node's JobRunr server to look for enqueued work now. JobRunr OSS looks once per poll
 * interval (at least 5 s with SQL storage), which a user waiting for an import, a video or a
 * presentation would feel every time. The server is nudged through the hooks its workers use when
 * they finish a job (occupied + idle leave the worker count unchanged). Other nodes still find the
 * job on their next poll, so nothing depends on this.
 */
@Component
public class JobWakeUp {

    private final ObjectProvider<BackgroundJobServer> server;

    JobWakeUp(ObjectProvider<BackgroundJobServer> server) {
        this.server = server;
    }

    /** Call after enqueueing a job; does nothing where this node runs no job server. */
    public void now() {
        BackgroundJobServer local = server.getIfAvailable();
        if (local != null && local.isRunning()) {
            local.getJobSteward().notifyThreadOccupied();
            local.getJobSteward().notifyThreadIdle();
        }
    }
}
