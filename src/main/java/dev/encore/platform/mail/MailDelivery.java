package dev.encore.platform.mail;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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
 * Sends one queued mail as a JobRunr job. An SMTP server that cannot be reached or refuses for now
 * is thrown to JobRunr, which tries again with exponential backoff (seconds at first, hours at the
 * end) up to {@link #MAX_ATTEMPTS} tries; a mail that cannot be made (a malformed address) and the
 * last try's failure give the mail up. Past {@code encore.mail.max-per-hour} sent in the last hour,
 * cluster-wide, a mail waits for a later try. A mail already sent, given up or unknown is left alone.
 */
@Component
public class MailDelivery {

    /** Tries of one mail: the first and JobRunr's retries. */
    static final int MAX_ATTEMPTS = 13;

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutgoingMailStore outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;
    private final Clock clock;

    MailDelivery(OutgoingMailStore outbox, ObjectProvider<JavaMailSender> sender, MailProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @Job(name = "Send mail %0", retries = MAX_ATTEMPTS - 1)
    public void deliver(UUID mailId) {
        Optional<OutgoingMailStore.Pending> found = outbox.pending(mailId);
        if (found.isEmpty()) {
            return;
        }
        OutgoingMailStore.Pending mail = found.get();
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null || !properties.enabled()) {
            leaveToANodeWithMail(mail);
            return;
        }
        Instant now = clock.instant();
        if (outbox.sentSince(now.minus(Duration.ofHours(1))) >= properties.maxPerHour()) {
            throw new RetryLater("encore.mail.max-per-hour reached");
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
            if (mail.attempts() + 1 >= MAX_ATTEMPTS) {
                log.warn("Mail {} given up after {} tries: {}", mailId, MAX_ATTEMPTS, ex.getMessage());
                outbox.failed(mailId, ex.getClass().getSimpleName() + ": " + ex.getMessage());
                return;
            }
            log.info("Mail {} not sent for now (try {}), JobRunr tries again: {}", mailId, mail.attempts() + 1,
                    ex.getMessage());
            outbox.attempted(mailId, ex.getClass().getSimpleName() + ": " + ex.getMessage());
            throw new RetryLater(ex.getMessage());
        }
        outbox.sent(mailId, clock.instant());
        outbox.purge(now.minus(Duration.ofDays(30)));
    }

    /**
     * Any node's JobRunr server may take a mail's job, also one started without mail (a node not yet
     * given the new settings in a rolling change, or a test's second context). Giving the mail up here
     * would lose it although another node could send it, so the try is counted and the job handed back
     * to JobRunr, whose next try may land on a node with mail; where no node has mail any more, the
     * last try gives it up as an unsendable mail is.
     */
    private void leaveToANodeWithMail(OutgoingMailStore.Pending mail) {
        String reason = "mail is not configured on this node";
        if (mail.attempts() + 1 >= MAX_ATTEMPTS) {
            log.warn("Mail {} given up after {} tries: {}", mail.id(), MAX_ATTEMPTS, reason);
            outbox.failed(mail.id(), reason);
            return;
        }
        log.info("Mail {} left to a node with mail (try {}): {}", mail.id(), mail.attempts() + 1, reason);
        outbox.attempted(mail.id(), reason);
        throw new RetryLater(reason);
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

    /** Thrown to JobRunr, which runs the job again after its exponential backoff. */
    static final class RetryLater extends RuntimeException {

        RetryLater(String reason) {
            super("mail not sent, retrying: " + reason, null, false, false);
        }
    }
}
