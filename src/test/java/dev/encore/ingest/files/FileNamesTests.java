package dev.encore.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Download names never carry paths, control characters or leading dots. */
class FileNamesTests {

    @Test
    void namesAreMadeSafe() {
        assertThat(FileNames.of("Song", "mp3")).isEqualTo("Song.mp3");
        assertThat(FileNames.of("../../etc/passwd", "mp3")).doesNotContain("/").doesNotContain("..").endsWith(".mp3");
        assertThat(FileNames.of("a\\b:c*d?e\"f<g>h|i", "flac")).isEqualTo("a_b_c_d_e_f_g_h_i.flac");
        assertThat(FileNames.of(".hidden", "wav")).isEqualTo("hidden.wav");
        assertThat(FileNames.of("-rf", "wav")).isEqualTo("rf.wav");
        assertThat(FileNames.of("line\nbreak\u202E", "opus")).isEqualTo("line_break_.opus");
        assertThat(FileNames.of("   ", "mp3")).isEqualTo("audio.mp3");
        assertThat(FileNames.of(null, "mp3")).isEqualTo("audio.mp3");
        assertThat(FileNames.of("x".repeat(500), "m4a")).hasSize(FileNames.MAX_LENGTH + ".m4a".length());
    }
}
