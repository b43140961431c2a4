package dev.encore.library.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class VideoProcessingRequestedTests {

    private static final UUID VIDEO = UUID.randomUUID();

    @Test
    void theFirstRunsJobIsNamedByTheVideoAndEveryRerunsByItsNumber() {
        assertThat(new VideoProcessingRequested(VIDEO, 0).jobId()).isEqualTo(VIDEO);
        UUID rerun = new VideoProcessingRequested(VIDEO, 1).jobId();
        assertThat(rerun).isNotEqualTo(VIDEO).as("the same run, the same job: enqueued twice, made once")
                .isEqualTo(new VideoProcessingRequested(VIDEO, 1).jobId());
        assertThat(new VideoProcessingRequested(VIDEO, 2).jobId()).isNotIn(VIDEO, rerun);
        assertThat(new VideoProcessingRequested(UUID.randomUUID(), 1).jobId()).isNotEqualTo(rerun);
    }
}
