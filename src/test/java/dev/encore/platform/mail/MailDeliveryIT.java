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

import dev.encore.support.IntegrationTest;

/**
 * The tries of a mail against the real outbox and JobRunr: a node started without mail that takes a
 * mail's job (any node's JobRunr server may; the shared test context is such a node) leaves the mail
 * for a later try instead of giving it up, the last try gives it up, and the hourly cap puts a mail off
 * until the hour has room without spending a try.
 */
class MailDeliveryIT extends IntegrationTest {

    @Autowired
    private MailDelivery delivery;
    @Autowired
    private OutgoingMailStore outbox;
    @Autowired
    private MailScheduling scheduling;
    @Autowired
    private StorageProvider jobs;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aNodeWithoutMailCountsTheTryAndSchedulesTheNext() {
        UUID id = queued();
        Instant before = Instant.now();

        delivery.deliver(id);

        assertThat(row(id, "status")).isEqualTo("QUEUED");
        assertThat(row(id, "attempts")).isEqualTo("1");
        assertThat(row(id, "last_error")).isEqualTo("mail is not configured on this node");
        assertThat(outbox.pending(id)).hasValueSatisfying(mail -> assertThat(mail.text()).isEqualTo("Hello"));
        Job next = jobs.getJobById(MailScheduling.jobId(id, "try-1"));
        assertThat(((ScheduledState) next.getJobState()).getScheduledAt())
                .isBetween(before.plus(MailDelivery.FIRST_WAIT), Instant.now().plus(MailDelivery.FIRST_WAIT));
    }

    @Test
    void theLastTryGivesTheMailUp() {
        UUID id = queued();
        jdbc.sql("UPDATE platform_mails SET attempts = ? WHERE id = ?").params(MailDelivery.MAX_ATTEMPTS - 1, id)
                .update();

        delivery.deliver(id);

        assertThat(row(id, "status")).isEqualTo("FAILED");
        assertThat(outbox.pending(id)).isEmpty();
    }

    @Test
    void theHourlyCapPutsTheMailOffUntilTheHourHasRoomWithoutSpendingATry() {
        Instant sentEarlier = Instant.now().minus(Duration.ofMinutes(10));
        UUID earlier = queued();
        outbox.sent(earlier, sentEarlier);
        UUID id = queued();
        StaticListableBeanFactory senders = new StaticListableBeanFactory();
        // never reached: the cap of one is already spent by the mail sent ten minutes ago
        senders.addBean("sender", new JavaMailSenderImpl());
        MailDelivery capped = new MailDelivery(outbox, scheduling, senders.getBeanProvider(JavaMailSender.class),
                new MailProperties(true, "Encore <encore@example.org>", 1), Clock.systemUTC());

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
    }

    @Test
    void waitsGrowThreefoldUpToSixHours() {
        assertThat(MailDelivery.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(MailDelivery.backoff(2)).isEqualTo(Duration.ofSeconds(15));
        assertThat(MailDelivery.backoff(4)).isEqualTo(Duration.ofSeconds(135));
        assertThat(MailDelivery.backoff(8)).isEqualTo(Duration.ofHours(3).plusSeconds(135));
        assertThat(MailDelivery.backoff(12)).isEqualTo(Duration.ofHours(6));
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
        return jdbc.sql("SELECT " + column + " FROM platform_mails WHERE id = ?").param(id).query(String.class)
                .single();
    }
}
