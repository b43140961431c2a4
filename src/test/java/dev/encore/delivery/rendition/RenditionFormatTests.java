package dev.encore.delivery.rendition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every bitrate of the ladder is one each format's encoder takes, whatever the source's channels. */
class RenditionFormatTests {

    @Test
    void opusIsCappedAt256KbitPerChannelAndTheOthersAreNot() {
        assertThat(RenditionFormat.OPUS.limitedAt(320)).isTrue();
        assertThat(RenditionFormat.OPUS.limitedAt(256)).as("no source to read for what any channel takes").isFalse();
        assertThat(RenditionFormat.OPUS.bitrateFor(320, 1)).isEqualTo(256);
        assertThat(RenditionFormat.OPUS.bitrateFor(320, 2)).isEqualTo(320);
        assertThat(RenditionFormat.OPUS.bitrateFor(320, 0)).as("an odd answer counts as mono").isEqualTo(256);
        for (RenditionFormat format : new RenditionFormat[] { RenditionFormat.MP3, RenditionFormat.AAC }) {
            assertThat(format.limitedAt(320)).isFalse();
            assertThat(format.bitrateFor(320, 1)).isEqualTo(320);
        }
        for (int bitrate : RenditionFormat.BITRATES) {
            assertThat(RenditionFormat.OPUS.bitrateFor(bitrate, 1)).isBetween(1, 256);
        }
    }
}
