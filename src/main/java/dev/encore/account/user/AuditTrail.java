package dev.encore.account.user;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.encore.platform.AuditEvent;

/**
 * Publishes the account module's audit events in the current transaction; the audit module
 * stores them after commit. Facades that refuse a request keep their transaction committing
 * ({@code noRollbackFor}) so that failures are audited too.
 */
@Component
public class AuditTrail {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditTrail(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records {@code type} done by {@code actor} (null when nobody signed in) to {@code target} (null: nothing). */
    public void record(String type, UUID actor, UUID target, Map<String, String> details) {
        events.publishEvent(AuditEvent.of(type, actor == null ? null : actor.toString(),
                target == null ? null : target.toString(), clock.instant(), details));
    }

    /** Records {@code type} a user did to their own account. */
    public void record(String type, UUID actorAndTarget) {
        record(type, actorAndTarget, actorAndTarget, Map.of());
    }
}
