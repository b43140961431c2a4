package dev.encore.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.navigation.AmountRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.encore.notify.Mailbox;
import dev.encore.notify.SmtpServer;
import dev.encore.support.IntegrationTest;

/**
 * The tries of a mail against the real outbox and JobRunr: a node started without mail that takes a
 * mail's job (any node's JobRunr server may; the shared test context is such a node) leaves the mail as
 * it is, the relay of a node with mail sends it once overdue, a failed try schedules the next and the
 * last gives the mail up, and the hourly cap puts a mail off until the hour has room without spending
 * a try.
 */
class MailDeliveryIT extends IntegrationTest {

    @Autowired
    private MailDelivery delivery;
    @Autowired
    private OutgoingMailStore outbox;
    @Autowired
    private MailScheduling scheduling;
    @Autowired
    private MailRelay relay;
    @Autowired
    private StorageProvider jobs;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aNodeWithoutMailLeavesTheMailAsItIs() {
        UUID id = queued();

        delivery.deliver(id);

        assertThat(row(id, "status")).isEqualTo("QUEUED");
        assertThat(row(id, "attempts")).isEqualTo("0");
        assertThat(row(id, "last_error")).isNull();
        assertThat(outbox.pending(id)).hasValueSatisfying(mail -> assertThat(mail.text()).isEqualTo("Hello"));
    }

    @Test
    void aFailedTryIsCountedAndTheNextScheduledAndTheLastGivesTheMailUp() {
        MailDelivery unreachable = withSmtpOn(Mailbox.freePort(), 100_000);
        UUID id = queued();
        Instant before = Instant.now();

        unreachable.deliver(id);

        assertThat(row(id, "status")).isEqualTo("QUEUED");
        assertThat(row(id, "attempts")).isEqualTo("1");
        assertThat(row(id, "last_error")).startsWith("MailSendException");
        Job next = jobs.getJobById(MailScheduling.jobId(id, "try-1"));
        assertThat(((ScheduledState) next.getJobState()).getScheduledAt())
                .isBetween(before.plus(MailDelivery.FIRST_WAIT), Instant.now().plus(MailDelivery.FIRST_WAIT));

        jdbc.sql("UPDATE platform_mails SET attempts = ? WHERE id = ?").params(MailDelivery.MAX_ATTEMPTS - 1, id)
                .update();
        unreachable.deliver(id);

        assertThat(row(id, "status")).isEqualTo("FAILED");
        assertThat(outbox.pending(id)).isEmpty();
    }

    /** A mail whose try is over a minute late is enqueued again by a node with mail; one on time is not. */
    @Test
    void theRelayEnqueuesOverdueMailsOnly() {
        UUID overdue = queued();
        UUID onTime = queued();
        jdbc.sql("UPDATE platform_mails SET next_try_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(MailRelay.GRACE).minusSeconds(5)), overdue).update();
        Instant at = Instant.now();

        assertThat(relay.relayOverdue()).isPositive();

        String look = Long.toString(MailRelay.look(at));
        String nextLook = Long.toString(MailRelay.look(at) + 1);
        assertThat(exists(MailScheduling.jobId(overdue, "due-" + look))
                || exists(MailScheduling.jobId(overdue, "due-" + nextLook))).isTrue();
        assertThat(exists(MailScheduling.jobId(onTime, "due-" + look))
                || exists(MailScheduling.jobId(onTime, "due-" + nextLook))).isFalse();
    }

    @Test
    void theHourlyCapPutsTheMailOffUntilTheHourHasRoomWithoutSpendingATry() {
        Instant sentEarlier = Instant.now().minus(Duration.ofMinutes(10));
        UUID earlier = queued();
        outbox.sent(earlier, sentEarlier);
        UUID id = queued();
        // never reached: the cap of one is already spent by the mail sent ten minutes ago
        MailDelivery capped = withSmtpOn(Mailbox.freePort(), 1);

        // the hour's first mail: other tests' mails, on a shared database, may have gone before this one
        Instant roomAt = outbox.firstSentSince(Instant.now().minus(Duration.ofHours(1))).orElseThrow()
                .plus(Duration.ofHours(1));
        Instant before = Instant.now();
        capped.deliver(id);
        Instant earliest = later(roomAt, before.plus(Duration.ofMinutes(1)));
        Instant latest = later(roomAt, Instant.now().plus(Duration.ofMinutes(1))).plus(Duration.ofMinutes(1));

        assertThat(row(id, "status")).isEqualTo("QUEUED");
        assertThat(row(id, "attempts")).isEqualTo("0");
        List<Job> held = jobs.getScheduledJobs(Instant.now().plus(Duration.ofHours(2)), new AmountRequest("updatedAt:ASC", 10_000))
                .stream().filter(job -> job.getJobName().equals("Send mail " + id)).toList();
        assertThat(held).singleElement().satisfies(job -> assertThat(((ScheduledState) job.getJobState())
                .getScheduledAt()).isBetween(earliest, latest));
        assertThat(jdbc.sql("SELECT next_try_at FROM platform_mails WHERE id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant()).isBetween(earliest, latest);
    }

    /**
     * Two workers sending at once with room for one more in the hour: one mail leaves, the other is put
     * off. Checked and sent without the node's lock, both saw room (two mails in a second with a cap of
     * one, on the jar).
     */
    @Test
    void twoWorkersAtOnceSendNoMoreThanTheHourHasRoomFor() throws Exception {
        long sentInTheHour = outbox.sentSince(Instant.now().minus(Duration.ofHours(1)));
        UUID first = queued();
        UUID second = queued();
        SmtpServer smtp = SmtpServer.onFreePort();
        smtp.start();
        try {
            MailDelivery capped = withSmtpOn(smtp.port(), Math.toIntExact(sentInTheHour + 1));
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            try (var workers = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                List<java.util.concurrent.Future<?>> runs = List.of(first, second).stream()
                        .<java.util.concurrent.Future<?>>map(id -> workers.submit(() -> {
                            together.await();
                            capped.deliver(id);
                            return null;
                        })).toList();
                for (java.util.concurrent.Future<?> run : runs) {
                    run.get(30, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(List.of(row(first, "status"), row(second, "status"))).containsExactlyInAnyOrder("SENT", "QUEUED");
        }
        finally {
            smtp.stop();
        }
    }

    @Test
    void waitsGrowThreefoldUpToSixHours() {
        assertThat(MailDelivery.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(MailDelivery.backoff(2)).isEqualTo(Duration.ofSeconds(15));
        assertThat(MailDelivery.backoff(4)).isEqualTo(Duration.ofSeconds(135));
        assertThat(MailDelivery.backoff(8)).isEqualTo(Duration.ofHours(3).plusSeconds(135));
        assertThat(MailDelivery.backoff(12)).isEqualTo(Duration.ofHours(6));
    }

    private MailDelivery withSmtpOn(int port, int maxPerHour) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        StaticListableBeanFactory senders = new StaticListableBeanFactory();
        senders.addBean("sender", sender);
        return new MailDelivery(outbox, scheduling, senders.getBeanProvider(JavaMailSender.class),
                new MailProperties(true, "Encore <encore@example.org>", maxPerHour), Clock.systemUTC());
    }

    private boolean exists(UUID jobId) {
        try {
            jobs.getJobById(jobId);
            return true;
        }
        catch (org.jobrunr.storage.JobNotFoundException notMade) {
            return false;
        }
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    private UUID queued() {
        UUID id = UUID.randomUUID();
        assertThat(outbox.add(id, "someone@example.org", "Someone", "A subject",
                new RenderedLetter("Hello", "<p>Hello</p>"), Instant.now())).isTrue();
        return id;
    }

    private String row(UUID id, String column) {
        List<String> values = jdbc.sql("SELECT " + column + " FROM platform_mails WHERE id = ?").param(id)
                .query((rs, row) -> rs.getString(1)).list();
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
