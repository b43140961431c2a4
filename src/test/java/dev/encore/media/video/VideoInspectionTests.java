package dev.encore.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import dev.encore.media.NotAVideoException;
import dev.encore.media.VideoSource;

/** ffprobe's JSON as phones, cameras and music files write it. */
class VideoInspectionTests {

    private static VideoSource read(String json) {
        return VideoInspection.read(JsonMapper.builder().build().readTree(json));
    }

    @Test
    void aPhoneVideoTurnedByItsDisplayMatrixIsPortrait() {
        VideoSource source = read("""
                {"streams":[{"codec_type":"video","codec_name":"hevc","width":1920,"height":1080,
                  "avg_frame_rate":"30000/1001","side_data_list":[{"side_data_type":"Display Matrix","rotation":-90}]},
                 {"codec_type":"audio","codec_name":"aac"}],
                 "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","duration":"12.500"}}""");
        assertThat(source).isEqualTo(new VideoSource(1080, 1920, 30000 / 1001.0, "hevc", "aac", 12_500));
    }

    @Test
    void theOldRotateTagAndAnamorphicPixelsCount() {
        assertThat(read("""
                {"streams":[{"codec_type":"video","codec_name":"h264","width":640,"height":360,"r_frame_rate":"25/1",
                  "tags":{"rotate":"270"}}],"format":{"format_name":"mov","duration":"3"}}""")).satisfies(source -> {
            assertThat(source.width()).isEqualTo(360);
            assertThat(source.height()).isEqualTo(640);
            assertThat(source.frameRate()).isEqualTo(25);
            assertThat(source.audioCodec()).isNull();
        });
        assertThat(read("""
                {"streams":[{"codec_type":"video","codec_name":"mpeg2video","width":720,"height":576,
                  "sample_aspect_ratio":"64:45","avg_frame_rate":"25/1"}],"format":{"format_name":"mpeg","duration":"3"}}""")
                .width()).isEqualTo(1024);
    }

    @Test
    void soundWithACoverAStillPictureOrNoDurationIsNotAVideo() {
        assertThatThrownBy(() -> read("""
                {"streams":[{"codec_type":"audio","codec_name":"mp3"},
                 {"codec_type":"video","codec_name":"mjpeg","width":500,"height":500,"disposition":{"attached_pic":1}}],
                 "format":{"format_name":"mp3","duration":"200"}}""")).isInstanceOf(NotAVideoException.class);
        assertThatThrownBy(() -> read("""
                {"streams":[{"codec_type":"video","codec_name":"png","width":500,"height":500}],
                 "format":{"format_name":"png_pipe"}}""")).isInstanceOf(NotAVideoException.class);
        assertThatThrownBy(() -> read("""
                {"streams":[{"codec_type":"audio","codec_name":"aac"}],"format":{"format_name":"mp4","duration":"3"}}"""))
                .isInstanceOf(NotAVideoException.class);
    }
}
