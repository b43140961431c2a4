package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A full disk is told apart from every other failed write, however deep it is wrapped. */
class StorageFullTests {

    @Test
    void aFullDiskIsFoundInTheCauseChain() {
        assertThat(StorageFull.causedBy(new IOException("No space left on device"))).isTrue();
        assertThat(StorageFull.causedBy(new FileSystemException("/data/blobs/ab/cd", null, "No space left on device")))
                .isTrue();
        assertThat(StorageFull.causedBy(new IllegalStateException("Writing failed",
                new UncheckedIOException(new IOException("Disk quota exceeded"))))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(StorageFull.causedBy(new IOException("Broken pipe"))).isFalse();
        assertThat(StorageFull.causedBy(new FileSystemException("/data", null, "Read-only file system"))).isFalse();
        assertThat(StorageFull.causedBy(new IllegalArgumentException("No space left on device")))
                .as("only a failed write says so").isFalse();
        assertThat(StorageFull.causedBy(null)).isFalse();
    }

    @Test
    void toolsReportItInTheirOutput() {
        assertThat(StorageFull.reportedIn(List.of("Error writing trailer of result.mp3: No space left on device")))
                .isTrue();
        assertThat(StorageFull.reportedIn(List.of("ERROR: unable to write data: [Errno 28] No space left on device")))
                .isTrue();
        assertThat(StorageFull.reportedIn(List.of("ERROR: HTTP Error 404: Not Found"))).isFalse();
    }

    @Test
    void requestsAreAnsweredInsufficientStorage() {
        var problem = StorageFull.problem();
        assertThat(problem.getStatusCode().value()).isEqualTo(507);
        assertThat(problem.getBody().getType().toString()).endsWith("/insufficient-storage");
        assertThat(problem.getBody().getDetail()).doesNotContain("/").contains("nothing of this request was kept");
    }
}
