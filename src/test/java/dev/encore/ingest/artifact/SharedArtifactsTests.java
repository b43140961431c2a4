package dev.encore.ingest.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.platform.BlobStore;

/**
 * What a producer's failure leaves for the requests waiting on the same artifact: a failure of the
 * source is shared with them, {@code quota-exceeded} (the producing owner's) lets go of the claim,
 * so another owner's request produces the artifact under its own quota.
 */
class SharedArtifactsTests {

    private static final String KEY = "url:http://example.org/long.mp3|wav";

    private final Artifacts artifacts = mock(Artifacts.class);
    private final SharedArtifacts shared = new SharedArtifacts(artifacts, mock(BlobStore.class),
            mock(PlatformTransactionManager.class), null, Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
                    ZoneOffset.UTC));

    @Test
    void aQuotaRefusalOfTheProducerReleasesTheClaimInsteadOfSharingIt() {
        when(artifacts.findById(KEY)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> shared.obtain(KEY, heartbeat -> {
            throw new ImportFailure(ImportError.QUOTA_EXCEEDED, "the result would not fit");
        }, () -> false)).isInstanceOfSatisfying(ImportFailure.class,
                failure -> assertThat(failure.error())
                        .isEqualTo(ImportError.QUOTA_EXCEEDED));

        verify(artifacts).release(eq(KEY), any(UUID.class));
        verify(artifacts, never()).failed(anyString(), any(), anyString(), anyString(), any());
    }

    @Test
    void aPermanentFailureOfTheSourceIsShared() {
        when(artifacts.findById(KEY)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> shared.obtain(KEY, heartbeat -> {
            throw new ImportFailure(ImportError.TOO_LONG, "too long");
        }, () -> false)).isInstanceOf(ImportFailure.class);

        verify(artifacts).failed(eq(KEY), any(UUID.class), eq("too-long"), anyString(), any());
        verify(artifacts, never()).release(anyString(), any());
    }

    @Test
    void anArtifactThisRequestMadeIsDiscardedAndOneItReusedIsNot() {
        shared.discard(KEY, new SharedArtifacts.Ready("a".repeat(64), 10, 1000, "Long", false));
        verify(artifacts).discard(KEY, "a".repeat(64));

        Artifacts untouched = mock(Artifacts.class);
        new SharedArtifacts(untouched, mock(BlobStore.class), mock(PlatformTransactionManager.class), null,
                Clock.systemUTC()).discard(KEY, new SharedArtifacts.Ready("b".repeat(64), 10, 1000, "Long", true));
        verifyNoInteractions(untouched);
    }
}
