package dev.encore.live.chat;

import java.time.Clock;
import java.time.Instant;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.live.LiveProperties;

/**
 * Chat housekeeping: an hourly JobRunr recurring job (one run per cluster) deletes messages older
 * than {@code encore.live.chat-retention} and mutes that ran out; a deleted account's messages and
 * mutes go with it.
 */
@Component
public class ChatHousekeeping {

    static final String JOB_ID = "live-chat-retention";

    private static final Logger log = LoggerFactory.getLogger(ChatHousekeeping.class);

    private final ChatMessages messages;
    private final LiveProperties properties;
    private final JobScheduler jobs;
    private final Clock clock;

    ChatHousekeeping(ChatMessages messages, LiveProperties properties, JobScheduler jobs, Clock clock) {
        this.messages = messages;
        this.properties = properties;
        this.jobs = jobs;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() {
        jobs.<ChatHousekeeping>scheduleRecurrently(JOB_ID, Cron.hourly(), ChatHousekeeping::purgeExpired);
    }

    /** Deletes what the retention no longer keeps; returns the number of messages deleted. */
    @Job(name = "Delete expired live chat messages")
    @Transactional
    public int purgeExpired() {
        Instant now = clock.instant();
        int deleted = messages.purge(now.minus(properties.chatRetention()), now);
        if (deleted > 0) {
            log.info("Deleted {} live chat messages older than {}", deleted, properties.chatRetention());
        }
        return deleted;
    }

    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        messages.deleteUser(deleted.userId());
    }
}
