package dev.encore.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.platform.AuditEvent;
import dev.encore.platform.ops.EventResubmission;
import dev.encore.support.IntegrationTest;

/**
 * Events delivered more than once (a resubmitted publication, a second node's republication) have
 * their effect once; and a publication left incomplete is resubmitted by the recurring job instead
 * of by every node that starts.
 */
class EventRepublishIT extends IntegrationTest {

    /** Modulith's id of the audit listener (class, method and parameter type). */
    private static final String AUDIT_LISTENER = "dev.encore.audit.AuditLog.on(dev.encore.platform.AuditEvent)";

    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private EventResubmission resubmission;
    @Autowired
    private EventSerializer serializer;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void anAuditEventDeliveredTwiceIsStoredOnce() {
        AuditEvent event = event();
        publish(event);
        publish(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(event) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> stored(event) == 1);
    }

    @Test
    void aStalePublicationIsResubmittedByTheJobAndHasItsEffectOnce() {
        AuditEvent event = event();
        UUID publication = incomplete(event, "PUBLISHED", Duration.ofMinutes(10), null);
        AuditEvent fresh = event();
        UUID recent = incomplete(fresh, "PUBLISHED", Duration.ofSeconds(5), null);

        resubmission.resubmitStale();
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(event) == 1 && !exists(publication));
        assertThat(stored(fresh)).as("a recent one may still be in a listener's hands").isZero();
        assertThat(exists(recent)).isTrue();

        publish(event); // and once more, as a second node would have delivered it
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> stored(event) == 1);
        jdbc.sql("delete from event_publication where id = ?").param(recent).update();
    }

    @Test
    void aResubmissionADeadNodeLeftClaimedIsTakenUpAgain() {
        AuditEvent event = event();
        UUID publication = incomplete(event, "RESUBMITTED", Duration.ofHours(2), Duration.ofMinutes(30));

        assertThat(resubmission.resubmitStale()).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(event) == 1 && !exists(publication));
    }

    @Test
    void aDeletedAccountsCleanUpRunsAgainWithoutFailing() {
        dev.encore.support.TestAccounts.Account gone = users.user();
        assertThat(api.send("DELETE", "/api/v1/me", gone.accessToken(), "{\"password\":\"" + gone.password() + "\"}")
                .statusCode()).isEqualTo(204);
        new TransactionTemplate(transactions).executeWithoutResult(
                status -> events.publishEvent(new dev.encore.account.UserDeleted(UUID.fromString(gone.id()))));
        // every module's listener ran (again) and completed: no publication of it is left
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from event_publication where serialized_event like ?").param("%" + gone.id() + "%")
                .query(Long.class).single() == 0);
    }

    private static AuditEvent event() {
        return new AuditEvent(UUID.randomUUID(), "test.republished", null, UUID.randomUUID().toString(), null, null,
                null, Instant.now(), Map.of("why", "a test"));
    }

    private void publish(AuditEvent event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    /** A publication of the audit listener as the registry keeps it, {@code age} old, not completed. */
    private UUID incomplete(AuditEvent event, String status, Duration age, Duration sinceResubmission) {
        UUID id = UUID.randomUUID();
        Instant lastResubmission = sinceResubmission == null ? null : Instant.now().minus(sinceResubmission);
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, "
                + "status, completion_attempts, last_resubmission_date) values (?, ?, ?, ?, ?, ?, ?, "
                + (lastResubmission == null ? "null" : "?") + ")")
                .params(lastResubmission == null
                        ? new Object[] { id, AUDIT_LISTENER, AuditEvent.class.getName(),
                                serializer.serialize(event).toString(), Timestamp.from(Instant.now().minus(age)), status, 0 }
                        : new Object[] { id, AUDIT_LISTENER, AuditEvent.class.getName(),
                                serializer.serialize(event).toString(), Timestamp.from(Instant.now().minus(age)), status, 1,
                                Timestamp.from(lastResubmission) })
                .update();
        return id;
    }

    private boolean exists(UUID publication) {
        return jdbc.sql("select count(*) from event_publication where id = ?").param(publication).query(Long.class)
                .single() > 0;
    }

    private long stored(AuditEvent event) {
        return jdbc.sql("select count(*) from audit_entries where target_id = ?").param(event.targetId())
                .query(Long.class).single();
    }
}
