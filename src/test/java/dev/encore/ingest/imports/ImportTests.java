package dev.encore.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.encore.ingest.request.ImportRequests;
import dev.encore.platform.InvalidFieldsException;

/** The domain rules of an import, its items and their states, without Spring or a database. */
class ImportTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final UUID OWNER = UUID.randomUUID();

    @Test
    void aNewImportIsQueuedWithNothingDoneYet() {
        Import imported = new Import(OWNER, ImportKind.SINGLE, AudioFormat.OPUS, "https://youtu.be/x", "Mine", NOW);

        assertThat(imported.id()).isNotNull();
        assertThat(imported.ownerId()).isEqualTo(OWNER);
        assertThat(imported.status()).isEqualTo(ImportStatus.QUEUED);
        assertThat(imported.status().finished()).isFalse();
        assertThat(imported.progress()).isZero();
        assertThat(imported.phase()).isNull();
        assertThat(imported.attempts()).isZero();
        assertThat(imported.transientFailures()).isZero();
        assertThat(imported.errorCode()).isNull();
        assertThat(imported.createdAt()).isEqualTo(NOW).isEqualTo(imported.updatedAt());
        assertThat(imported.finishedAt()).isNull();
        assertThat(new Import(OWNER, ImportKind.SINGLE, AudioFormat.MP3, "https://youtu.be/x", null, NOW).id())
                .as("every import its own id").isNotEqualTo(imported.id());
    }

    @Test
    void aNewItemIsQueuedAtItsPosition() {
        UUID importId = UUID.randomUUID();
        ImportItem item = new ImportItem(importId, 3, "https://youtu.be/y", "Song");

        assertThat(item.importId()).isEqualTo(importId);
        assertThat(item.position()).isEqualTo(3);
        assertThat(item.status()).isEqualTo(ImportStatus.QUEUED);
        assertThat(item.progress()).isZero();
        assertThat(item.fileId()).isNull();
    }

    @Test
    void queuedAndRunningAreTheOnlyUnfinishedStates() {
        assertThat(EnumSet.allOf(ImportStatus.class).stream().filter(status -> !status.finished()))
                .containsExactlyInAnyOrder(ImportStatus.QUEUED, ImportStatus.RUNNING);
        assertThat(ImportStatus.PARTIAL.finished()).isTrue();
        assertThat(ImportStatus.CANCELLED.finished()).isTrue();
    }

    @Test
    void onlyNetworkTimeoutAndInternalFailuresAreRetried() {
        assertThat(EnumSet.allOf(ImportError.class).stream().filter(ImportError::isTransient))
                .containsExactlyInAnyOrder(ImportError.NETWORK, ImportError.TIMEOUT, ImportError.INTERNAL);
        assertThat(ImportError.UNAVAILABLE.isTransient()).as("a 404 does not come back").isFalse();
        assertThat(ImportError.QUOTA_EXCEEDED.isTransient()).isFalse();
    }

    @Test
    void theStatusFilterTakesAnyCaseAndNamesTheChoicesOtherwise() {
        assertThat(ImportRequests.status(" partial ")).isEqualTo(ImportStatus.PARTIAL);
        assertThatThrownBy(() -> ImportRequests.status("done")).isInstanceOfSatisfying(InvalidFieldsException.class,
                invalid -> assertThat(invalid.getBody().getProperties().get("errors")).asString()
                        .contains("field=status").contains("QUEUED").contains("CANCELLED"));
    }

    @Test
    void itsViewNamesKindFormatAndPhaseAsClientsSeeThemAndHidesYtDlpState() {
        Import imported = new Import(OWNER, ImportKind.PLAYLIST, AudioFormat.FLAC, "https://youtube.com/playlist?list=1",
                null, NOW);
        ImportItem item = new ImportItem(imported.id(), 0, "https://youtu.be/z#__youtubedl_smuggle=%7B%7D", "First");

        ImportView view = ImportView.of(imported, List.of(item));

        assertThat(view.kind()).isEqualTo("playlist");
        assertThat(view.format()).isEqualTo("flac");
        assertThat(view.status()).isEqualTo("QUEUED");
        assertThat(view.phase()).isNull();
        assertThat(view.items()).singleElement().satisfies(shown -> {
            assertThat(shown.url()).isEqualTo("https://youtu.be/z");
            assertThat(shown.title()).isEqualTo("First");
            assertThat(shown.status()).isEqualTo("QUEUED");
        });
    }
}
