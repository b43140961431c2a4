package dev.encore.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.encore.media.VideoRendition;

class HlsPlaylistsTests {

    @Test
    void thePeakIgnoresATinyLastSegmentOnItsOwn() {
        List<HlsPlaylists.Segment> segments = List.of(new HlsPlaylists.Segment("a", 4, 500_000),
                new HlsPlaylists.Segment("b", 4, 1_000_000), new HlsPlaylists.Segment("c", 0.05, 100_000));
        // the last one alone would be 16 Mbit/s; with the one before it, it is a run of 4.05 s
        assertThat(HlsPlaylists.peakBandwidth(segments, 4)).isEqualTo(Math.round(1_100_000 * 8 / 4.05));
        assertThat(HlsPlaylists.averageBandwidth(segments)).isEqualTo(Math.round(1_600_000 * 8 / 8.05));
    }

    @Test
    void theCodecStringComesFromTheAvcCBox() {
        byte[] init = HexFormat.of().parseHex("0000001861766343" + "01640028ffe1" + "00");
        assertThat(HlsPlaylists.avc1(init)).isEqualTo("avc1.640028");
    }

    @Test
    void theMasterListsVideoRenditionsThenTheAudioOne() {
        String master = HlsPlaylists.master(List.of(
                new VideoRendition("720p", 1280, 720, 2_000_000, 1_500_000, "avc1.64001f,mp4a.40.2", 29.97),
                new VideoRendition("audio", 0, 0, 130_000, 129_000, "mp4a.40.2", 0)));
        assertThat(master).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS

                #EXT-X-STREAM-INF:BANDWIDTH=2000000,AVERAGE-BANDWIDTH=1500000,RESOLUTION=1280x720,\
                CODECS="avc1.64001f,mp4a.40.2",FRAME-RATE=29.970
                720p/index.m3u8

                #EXT-X-STREAM-INF:BANDWIDTH=130000,AVERAGE-BANDWIDTH=129000,CODECS="mp4a.40.2"
                audio/index.m3u8
                """);
    }
}
