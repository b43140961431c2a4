package dev.encore.platform.backup;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.jobrunr.scheduling.cron.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Backups of the embedded database ({@code encore.backup.*}).
 *
 * @param enabled  whether the node makes scheduled backups (an admin can always make one)
 * @param schedule when, as a cron expression in UTC (minute hour day-of-month month day-of-week)
 * @param keep     how many backups are kept; the oldest beyond it are deleted after each new one, once
 *                 {@link DatabaseBackups#FRESH} old
 * @param dir      where they are written; unset, {@code ${encore.data-dir}/backups}
 */
@Validated
@ConfigurationProperties("encore.backup")
public record BackupProperties(@DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue("30 2 * * *") String schedule,
        @Min(1) @Max(1000) @DefaultValue("7") int keep,
        Path dir) {

    public BackupProperties {
        if (schedule != null && !schedule.isBlank()) {
            try {
                new CronExpression(schedule);
            }
            catch (RuntimeException invalid) {
                throw new IllegalArgumentException("encore.backup.schedule must be a cron expression such as "
                        + "'30 2 * * *' (minute hour day-of-month month day-of-week): " + schedule, invalid);
            }
        }
    }
}
