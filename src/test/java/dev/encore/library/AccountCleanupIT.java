package dev.encore.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.encore.account.UserDeleted;
import dev.encore.library.content.StoredMedia;
import dev.encore.library.play.Play;
import dev.encore.library.play.NewPlays;
import dev.encore.library.play.Plays;
import dev.encore.library.search.SearchKind;
import dev.encore.library.track.Track;
import dev.encore.library.track.TrackDetails;
import dev.encore.library.track.Tracks;
import dev.encore.library.video.Video;
import dev.encore.library.video.VideoDetails;
import dev.encore.library.video.Videos;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.spi.StreamLinks;

/**
 * The library module on its own (with the modules it depends on): an account's deletion, published
 * as account's {@link UserDeleted}, takes the account's tracks, videos and plays with it, tells
 * search, and hands their blobs to the collector; other accounts' content stays.
 */
// ModularityTests verifies the module model; ingest (and its health contributor) is not started here
@DirtiesContext // a context of its own: see IntegrationTest
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, verifyAutomatically = false)
@TestPropertySource(properties = "management.endpoint.health.group.readiness.include=readinessState,db,search")
class AccountCleanupIT {

    static {
        try {
            System.setProperty("encore.data-dir", Files.createTempDirectory("library-module-").toString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** Implemented by delivery, which this test does not start. */
    @MockitoBean
    StreamLinks links;

    @MockitoSpyBean
    BlobCollector collector;

    @Autowired
    Tracks tracks;
    @Autowired
    Videos videos;
    @Autowired
    Plays plays;
    @Autowired
    NewPlays newPlays;

    @Test
    void aDeletedAccountsContentGoesWithItAndOnlyIts(Scenario scenario, AssertablePublishedEvents events) {
        UUID gone = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        Track track = track(gone, "a");
        track.cover(sha("c"));
        tracks.save(track);
        Video video = new Video(gone, media("b"), NOW);
        video.describe(new VideoDetails("Film", null, null, null, null, null, null, null), NOW);
        videos.save(video);
        Track othersTrack = tracks.save(track(kept, "d"));
        newPlays.insert(new Play(UUID.randomUUID(), othersTrack.id(), gone, NOW), kept, "others.mp3");
        newPlays.insert(new Play(UUID.randomUUID(), othersTrack.id(), kept, NOW), kept, "others.mp3");

        scenario.publish(new UserDeleted(gone)).andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> tracks.findByOwnerId(gone).isEmpty() && videos.findByOwnerId(gone)
                        .isEmpty() && plays.findByUserId(gone, org.springframework.data.domain.Pageable.unpaged())
                                .isEmpty(), Boolean::booleanValue)
                .andVerify(done -> {
                    assertThat(tracks.findById(othersTrack.id())).as("another account's track").isPresent();
                    assertThat(plays.findByUserId(kept, org.springframework.data.domain.Pageable.unpaged()))
                            .as("another account's plays").hasSize(1);
                });

        assertThat(events).contains(ContentChanged.class)
                .matching(changed -> changed.id().equals(track.id()) && changed.kind() == SearchKind.TRACK);
        assertThat(events).contains(ContentChanged.class)
                .matching(changed -> changed.id().equals(video.id()) && changed.kind() == SearchKind.VIDEO);
        for (String blob : List.of(sha("a"), sha("c"), sha("b"))) {
            verify(collector, timeout(10_000)).collect(blob);
        }
    }

    private static Track track(UUID owner, String letter) {
        Track track = new Track(owner, media(letter), NOW);
        track.describe(new TrackDetails("Song " + letter, "Artist", null, null, null, null, null, null, null, null,
                null), NOW);
        return track;
    }

    private static StoredMedia media(String letter) {
        return new StoredMedia(sha(letter), "audio/mpeg", 1000, 2000, letter + ".mp3");
    }

    private static String sha(String letter) {
        return letter.repeat(64);
    }
}
