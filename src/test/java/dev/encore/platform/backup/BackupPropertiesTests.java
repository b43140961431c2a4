package dev.encore.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A schedule that is no cron expression stops the start naming the key, instead of failing at the first run. */
class BackupPropertiesTests {

    @Test
    void aCronExpressionIsTaken() {
        assertThat(new BackupProperties(true, "15 4 * * 0", 7, null).schedule()).isEqualTo("15 4 * * 0");
    }

    @Test
    void anythingElseIsRefusedNamingTheKey() {
        for (String schedule : new String[] { "daily", "61 2 * * *", "* * *" }) {
            assertThatThrownBy(() -> new BackupProperties(true, schedule, 7, null)).as(schedule)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encore.backup.schedule");
        }
    }
}
