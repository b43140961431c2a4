package dev.encore.audit;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.encore.platform.AuditEvent;
import dev.encore.platform.PageResponse;

/**
 * The append-only audit trail. Entries arrive as {@link AuditEvent}s from every module through
 * Spring Modulith's event publication registry, so an event published in a committed
 * transaction is stored even if the process stops right after; an event delivered again (a
 * resubmitted publication) is stored once, under its id.
 */
@Service
public class AuditLog {

    private static final int MAX_DETAILS = 2000;

    private final AuditEntries entries;
    private final JdbcAggregateOperations aggregates;
    private final AuditProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(AuditEntries entries, JdbcAggregateOperations aggregates, AuditProperties properties, JsonMapper json,
            Clock clock) {
        this.entries = entries;
        this.aggregates = aggregates;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** An entry as admins see it. */
    @Schema(name = "AuditEntry")
    public record Entry(String id, String type, String actorId, String targetId, String clientIp, String userAgent,
            String requestId, Instant occurredAt, Object details) {
    }

    /**
     * What to look for; null fields match everything.
     *
     * @param actor  who acted (user id)
     * @param target who or what was acted on
     * @param type   event type, e.g. {@code login.failed}
     * @param from   inclusive start
     * @param to     exclusive end
     */
    public record Filter(String actor, String target, String type, Instant from, Instant to) {

        /** Only the given criteria, so no untyped null ever reaches the database. */
        Query toQuery() {
            Criteria where = Criteria.empty();
            if (actor != null) {
                where = where.and("actorId").is(actor);
            }
            if (target != null) {
                where = where.and("targetId").is(target);
            }
            if (type != null) {
                where = where.and("type").is(type);
            }
            if (from != null) {
                where = where.and("occurredAt").greaterThanOrEquals(from);
            }
            if (to != null) {
                where = where.and("occurredAt").lessThan(to);
            }
            return Query.query(where);
        }
    }

    @ApplicationModuleListener
    void on(AuditEvent event) {
        if (entries.existsById(event.id())) {
            return; // delivered before: two deliveries racing on two nodes meet the primary key
        }
        String details = json.writeValueAsString(event.details());
        if (details.length() > MAX_DETAILS) {
            details = json.writeValueAsString(java.util.Map.of("truncated", "true"));
        }
        entries.save(new AuditEntry(event.id(), event.type(), event.actorId(), event.targetId(), event.clientIp(),
                event.userAgent(), event.requestId(), event.occurredAt(), details));
    }

    /** Entries matching the filter, in the page's order. */
    @Transactional(readOnly = true)
    public PageResponse<Entry> search(Filter filter, Pageable pageable) {
        return PageResponse.from(aggregates.findAll(filter.toQuery(), AuditEntry.class, pageable),
                entry -> new Entry(entry.getId().toString(), entry.type(), entry.actorId(), entry.targetId(),
                        entry.clientIp(), entry.userAgent(), entry.requestId(), entry.occurredAt(),
                        json.readTree(entry.details())));
    }

    /** Deletes entries older than {@code encore.audit.retention}; run daily. */
    @Transactional
    public int purgeExpired() {
        return entries.deleteOlderThan(clock.instant().minus(properties.retention()));
    }
}
