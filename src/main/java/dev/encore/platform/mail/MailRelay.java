package dev.encore.platform.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.encore.platform.Mails;

/**
 * On a node with mail, every {@link #PERIOD} enqueues a send for the queued mails whose next try is
 * more than {@link #GRACE} overdue: their job ran on a node without mail, which leaves mails alone, or
 * it was lost with a node that died. The job is JobRunr's like any other, under an id of the mail and
 * the look (one per {@link #PERIOD}), so that the nodes with mail enqueue one per mail a look between
 * them; this node wakes its own workers at once, so that it, with mail, most likely runs it, and should
 * a node without mail take it after all, the next look enqueues another. Nodes without mail do not run
 * the relay: with no node with mail left, queued mails wait for one.
 * <p>
 * A node-local scheduler, not a JobRunr recurring job: that would run on any node, also one without mail.
 */
@Component
class MailRelay implements SmartLifecycle {

    /** How often the relay looks. */
    static final Duration PERIOD = Duration.ofSeconds(15);

    /**
     * How late a try must be before the relay sends it: past JobRunr's poll (5 s) and a send held up by
     * a slow SMTP server (MailSettings's 10 s timeouts) or by the mails before it on its node.
     */
    static final Duration GRACE = Duration.ofSeconds(60);

    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

    private final OutgoingMailStore outbox;
    private final MailScheduling scheduling;
    private final Mails mails;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;

    MailRelay(OutgoingMailStore outbox, MailScheduling scheduling, Mails mails, Clock clock) {
        this.outbox = outbox;
        this.scheduling = scheduling;
        this.mails = mails;
        this.clock = clock;
    }

    /** Enqueues a send for each mail overdue by more than the grace; answers how many. */
    int relayOverdue() {
        Instant now = clock.instant();
        String look = Long.toString(look(now));
        int relayed = 0;
        for (UUID mailId : outbox.overdue(now.minus(GRACE), BATCH)) {
            scheduling.now(mailId, "due-" + look);
            relayed++;
        }
        if (relayed > 0) {
            log.info("{} overdue mail(s) enqueued to send from this node", relayed);
        }
        return relayed;
    }

    /** The number of the look at {@code now}: the nodes' looks in one period share it, and so one job id per mail. */
    static long look(Instant now) {
        return now.getEpochSecond() / PERIOD.toSeconds();
    }

    private void safely() {
        try {
            relayOverdue();
        }
        catch (RuntimeException failed) {
            log.warn("Looking for overdue mails failed; the next look tries again: {}", failed.toString());
        }
    }

    @Override
    public void start() {
        if (!mails.configured()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mail-relay").daemon()
                .factory());
        long millis = PERIOD.toMillis();
        executor.scheduleWithFixedDelay(this::safely, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
