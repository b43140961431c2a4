package dev.encore.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthIndicatorProperties;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

/** A low disk is told to the log once, however often the probes ask. */
@ExtendWith(OutputCaptureExtension.class)
class DiskSpaceReadinessTests {

    @TempDir
    Path dir;

    @Test
    void aLowDiskIsDownAtEveryProbeButLoggedOnceEachWay(CapturedOutput output) {
        DiskSpaceHealthIndicatorProperties properties = new DiskSpaceHealthIndicatorProperties();
        properties.setPath(dir.toFile());
        properties.setThreshold(DataSize.ofTerabytes(1_000_000)); // more than any disk here has
        DiskSpaceReadiness readiness = new DiskSpaceReadiness(properties);
        for (int probe = 0; probe < 5; probe++) {
            assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
        }
        assertThat(output.getOut().lines().filter(line -> line.contains("is below management.health.diskspace"))
                .count()).isEqualTo(1);
        assertThat(readiness.health().getDetails()).containsKeys("free", "threshold", "path");

        properties.setThreshold(DataSize.ofBytes(1));
        DiskSpaceReadiness recovering = new DiskSpaceReadiness(properties);
        assertThat(recovering.health().getStatus()).isEqualTo(Status.UP);
        assertThat(output.getOut()).doesNotContain("again");
    }
}
