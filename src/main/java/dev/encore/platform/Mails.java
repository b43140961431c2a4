package dev.encore.platform;

import java.time.Clock;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.platform.mail.MailProperties;
import dev.encore.platform.mail.MailQueued;
import dev.encore.platform.mail.OutgoingMailStore;
import dev.encore.platform.mail.RenderedLetter;

/**
 * Sends e-mail, durably and off the request: {@link #queue} stores the mail in the caller's
 * transaction (the mail outbox) and a JobRunr job sends it after commit, on any node, trying again
 * with exponential backoff while the SMTP server is unreachable. A restart loses nothing; the same
 * id queues one mail however often it is asked for (a redelivered event), so a cause sends at most
 * once, barring a crash between the SMTP server's acceptance and the job's record of it.
 */
@Service
public class Mails {

    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;
    private final OutgoingMailStore outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Mails(ObjectProvider<JavaMailSender> sender, MailProperties properties, OutgoingMailStore outbox,
            ApplicationEventPublisher events, Clock clock) {
        this.sender = sender;
        this.properties = properties;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Whether mail is on: an SMTP server is configured ({@code spring.mail.host}) and {@code encore.mail.enabled}. */
    public boolean configured() {
        return properties.enabled() && sender.getIfAvailable() != null;
    }

    /**
     * Queues {@code letter} under {@code id} (the id of what caused it, e.g. an event's) in the
     * current transaction; nothing is sent if it rolls back.
     *
     * @return true when it was queued; false when mail is off or a mail with this id exists already
     */
    @Transactional
    public boolean queue(UUID id, MailLetter letter) {
        if (!configured()) {
            return false;
        }
        boolean added = outbox.add(id, letter.to().trim(), MailLetter.oneLine(letter.name()),
                MailLetter.oneLine(letter.subject()), RenderedLetter.of(letter), clock.instant());
        if (added) {
            events.publishEvent(new MailQueued(id));
        }
        return added;
    }
}
