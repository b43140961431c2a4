package dev.encore.platform.mail;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one queued mail as a JobRunr job. A try that fails for now (the SMTP server cannot be reached
 * or refuses for now) schedules the next try as a job of its own, with an
 * exponential backoff of its own ({@link #backoff}: seconds at first, hours at the end), up to
 * {@link #MAX_ATTEMPTS} tries; a mail that cannot be made (a malformed address) and the last try's
 * failure give the mail up. Past {@code encore.mail.max-per-hour} sent in the last hour, cluster-wide,
 * a mail is put off until the hour has room, counting no try. A mail already sent, given up or unknown
 * is left alone, and so is every mail on a node without mail, whose JobRunr server takes mail jobs like
 * any other: {@link MailRelay} on the nodes with mail sends what is overdue.
 * <p>
 * Why not JobRunr's own retries: they end after a fixed number whatever the cause, so a mail held back
 * by the cap for longer than they last would stay queued with no job left to send it, and each of them
 * logs a WARN with a stack trace for what is an expected wait. JobRunr's retries stay for what this
 * class does not expect (the database down).
 */
@Component
public class MailDelivery {

    /** Tries of one mail, the first included. */
    static final int MAX_ATTEMPTS = 13;

    /** The wait after the first failed try; each later one is three times the one before. */
    static final Duration FIRST_WAIT = Duration.ofSeconds(5);

    /** The longest wait between two tries; 13 tries then span about a day. */
    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutgoingMailStore outbox;
    private final MailScheduling scheduling;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;
    private final Clock clock;
    /**
     * One mail at a time leaves this node, so that {@code max-per-hour} holds exactly on one node; nodes
     * check the cluster-wide count each, so several can send one more each in the same instant.
     */
    private final Lock sending = new ReentrantLock();

    MailDelivery(OutgoingMailStore outbox, MailScheduling scheduling, ObjectProvider<JavaMailSender> sender,
            MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.scheduling = scheduling;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @Job(name = "Send mail %0", retries = 10)
    public void deliver(UUID mailId) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null || !properties.enabled()) {
            // any node's JobRunr server may take the job, also one started without mail (in a rolling
            // change of settings, say): the mail is left as it is, and a node with mail sends it once
            // it is overdue (MailRelay)
            log.debug("Mail {} left to a node with mail", mailId);
            return;
        }
        Instant now = clock.instant();
        // read, counted, sent and recorded under one lock: two workers checking the count together
        // while a third mail is on its way would each see room for one more (two mails in a second
        // with a cap of one, tried on the jar), and the mail is read again after any wait, so a mail
        // the relay enqueued twice is sent once here; the SMTP timeouts (MailSettings) bound the wait
        sending.lock();
        try {
            Optional<OutgoingMailStore.Pending> found = outbox.pending(mailId);
            if (found.isEmpty()) {
                return;
            }
            OutgoingMailStore.Pending mail = found.get();
            Instant hourAgo = now.minus(Duration.ofHours(1));
            if (outbox.sentSince(hourAgo) >= properties.maxPerHour()) {
                putOff(mail, outbox.firstSentSince(hourAgo).map(first -> first.plus(Duration.ofHours(1))).orElse(now));
                return;
            }
            try {
                smtp.send(message(smtp, mail));
            }
            catch (MailParseException | MailPreparationException ex) {
                log.warn("Mail {} cannot be sent and is given up: {}", mailId, ex.getMessage());
                outbox.failed(mailId, "cannot be made: " + ex.getMessage());
                return;
            }
            catch (MailException ex) {
                tryAgainLater(mail, ex.getClass().getSimpleName() + ": " + ex.getMessage());
                return;
            }
            outbox.sent(mailId, clock.instant());
        }
        finally {
            sending.unlock();
        }
        outbox.purge(now.minus(Duration.ofDays(30)));
    }

    /** The wait after the {@code tries}-th failed try. */
    static Duration backoff(int tries) {
        Duration wait = FIRST_WAIT;
        for (int i = 1; i < tries && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(3);
        }
        return wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT;
    }

    private void tryAgainLater(OutgoingMailStore.Pending mail, String reason) {
        int tries = mail.attempts() + 1;
        if (tries >= MAX_ATTEMPTS) {
            log.warn("Mail {} given up after {} tries: {}", mail.id(), MAX_ATTEMPTS, reason);
            outbox.failed(mail.id(), reason);
            return;
        }
        Instant next = clock.instant().plus(backoff(tries));
        log.info("Mail {} not sent in try {}, the next try at {}: {}", mail.id(), tries, next, reason);
        // scheduled before the try is counted: should counting fail, JobRunr runs this job again and
        // the next try's job, under the same id, is not made twice
        scheduling.later(mail.id(), "try-" + tries, next);
        outbox.attempted(mail.id(), reason, next);
    }

    /**
     * Puts the mail off until the hour has room, with up to a minute's spread so that the mails put off
     * together do not all wake at the same instant; every wait gets a job of its own.
     */
    private void putOff(OutgoingMailStore.Pending mail, Instant roomAt) {
        Instant earliest = clock.instant().plus(Duration.ofMinutes(1));
        Instant at = (roomAt.isAfter(earliest) ? roomAt : earliest)
                .plusMillis(ThreadLocalRandom.current().nextLong(60_000));
        log.debug("Mail {} put off to {}: encore.mail.max-per-hour reached", mail.id(), at);
        scheduling.later(mail.id(), "held-" + UUID.randomUUID(), at);
        outbox.putOff(mail.id(), at);
    }

    private MimeMessage message(JavaMailSender smtp, OutgoingMailStore.Pending mail) {
        MimeMessage message = smtp.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(InternetAddress.parse(properties.from(), true)[0]);
            helper.setTo(mail.recipientName().isEmpty() ? new InternetAddress(mail.recipient(), true)
                    : new InternetAddress(mail.recipient(), mail.recipientName(), "UTF-8"));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            message.setHeader("Auto-Submitted", "auto-generated");
            return message;
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            throw new MailPreparationException(ex.getMessage(), ex);
        }
    }
}
