package dev.encore.library.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.encore.media.MediaProbe;

class MediaInfoTests {

    @Test
    void readsTrackNumberYearCodecAndBitRateFromWhatFfprobeFound() {
        MediaInfo info = MediaInfo.of(new MediaProbe.Probe(Optional.of(3000L),
                Map.of("title", "Song", "track", "3/12", "date", "2024-05-01"), false, Optional.of("flac"),
                Optional.of(912_000L), Optional.of(2)));
        assertThat(info.trackNumber()).isEqualTo(3);
        assertThat(info.year()).isEqualTo(2024);
        assertThat(info.codec()).isEqualTo("flac");
        assertThat(info.bitRate()).isEqualTo(912_000L);
        assertThat(info.durationMs()).isEqualTo(3000L);
    }

    @Test
    void aFilesTagsAreCleanedOfControlCharactersNotRefused() {
        MediaInfo info = MediaInfo.of(new MediaProbe.Probe(Optional.empty(),
                Map.of("title", " t\"\r\nX: y ", "artist", "\u001b[31mRed", "album", "\r\n"), false, Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(info.title()).isEqualTo("t\" X: y");
        assertThat(info.artist()).isEqualTo("[31mRed");
        assertThat(info.album()).isNull();
    }

    @Test
    void leavesOutTagsThatAreNotNumbers() {
        MediaInfo info = MediaInfo.of(new MediaProbe.Probe(Optional.empty(), Map.of("track", "A1", "date", "spring"),
                false, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(info.trackNumber()).isNull();
        assertThat(info.year()).isNull();
        assertThat(info.codec()).isNull();
        assertThat(MediaInfo.of(MediaProbe.Probe.NOTHING)).isEqualTo(MediaInfo.NONE);
    }
}
