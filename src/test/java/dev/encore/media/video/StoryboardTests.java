package dev.encore.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StoryboardTests {

    @Test
    void aFrameEveryIntervalTiledAtMostTenByTen() {
        Storyboard board = Storyboard.plan(300_000, 1920, 1080, Duration.ofSeconds(5));
        assertThat(board.frames()).isEqualTo(60);
        assertThat(board.columns()).isEqualTo(10);
        assertThat(board.rows()).isEqualTo(6);
        assertThat(board.tileWidth()).isEqualTo(160);
        assertThat(board.tileHeight()).isEqualTo(90);
        assertThat(board.sheets()).isEqualTo(1);
    }

    @Test
    void aLongVideoGetsALongerIntervalSoAtMost200Frames() {
        Storyboard board = Storyboard.plan(7_200_000, 1080, 1920, Duration.ofSeconds(5));
        assertThat(board.intervalMs()).isEqualTo(36_000);
        assertThat(board.frames()).isEqualTo(200);
        assertThat(board.sheets()).isEqualTo(2);
        assertThat(board.tileHeight()).isEqualTo(284);
    }

    @Test
    void theCuesCoverTheWholeVideoAndPointAtTheirTiles() {
        Storyboard board = Storyboard.plan(12_345, 640, 360, Duration.ofSeconds(5));
        assertThat(board.vtt(12_345)).isEqualTo("""
                WEBVTT

                00:00:00.000 --> 00:00:05.000
                storyboard/sprite-000.jpg#xywh=0,0,160,90

                00:00:05.000 --> 00:00:10.000
                storyboard/sprite-000.jpg#xywh=160,0,160,90

                00:00:10.000 --> 00:00:12.345
                storyboard/sprite-000.jpg#xywh=320,0,160,90
                """);
        Storyboard many = Storyboard.plan(1_000_000, 640, 360, Duration.ofSeconds(5));
        assertThat(many.vtt(1_000_000)).contains("""
                00:09:55.000 --> 00:10:00.000
                storyboard/sprite-001.jpg#xywh=1440,90,160,90
                """);
    }
}
