package dev.encore.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** Paths from settings are made absolute once, before anything reads them. */
class SettingPathsTests {

    @TempDir
    Path elsewhere;

    @Test
    void relativePathsAreResolvedAgainstTheStartingDirectoryOnce() {
        Path cwd = Path.of("").toAbsolutePath();
        String dataDir = elsewhere.resolve("a/../data").toString();
        MockEnvironment environment = new MockEnvironment()
                .withProperty("encore.data-dir", dataDir)
                .withProperty("encore.storage.local.path", "relative/blobs")
                .withProperty("encore.ingest.cookies-file", "cookies.txt")
                .withProperty("encore.media.ffmpeg-path", "ffmpeg")
                .withProperty("encore.media.ytdlp-path", "./bin/yt-dlp")
                .withProperty("spring.datasource.url", "jdbc:h2:file:${encore.data-dir}/db/encore");
        new DataDirectoryEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("encore.data-dir")).isEqualTo(elsewhere.resolve("data").toString());
        assertThat(elsewhere.resolve("data")).as("created").isDirectory();
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:" + elsewhere.resolve("data") + "/db/encore");
        assertThat(environment.getProperty("encore.storage.local.path"))
                .isEqualTo(cwd.resolve("relative/blobs").toString());
        assertThat(environment.getProperty("encore.ingest.cookies-file")).isEqualTo(cwd.resolve("cookies.txt").toString());
        assertThat(environment.getProperty("encore.media.ffmpeg-path")).as("a bare name is for the PATH")
                .isEqualTo("ffmpeg");
        assertThat(environment.getProperty("encore.media.ytdlp-path")).isEqualTo(cwd.resolve("bin/yt-dlp").toString());
    }

    @Test
    void anEmptyDataDirectoryIsRefusedNamingTheSetting() {
        MockEnvironment environment = new MockEnvironment().withProperty("encore.data-dir", " ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DataDirectoryEnvironmentPostProcessor()
                .postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(UnsafeSettingException.class).hasMessageContaining("encore.data-dir");
    }

    @Test
    void theDefaultDataDirectoryIsAbsoluteToo() {
        MockEnvironment environment = new MockEnvironment().withProperty("encore.data-dir", elsewhere.toString());
        new DataDirectoryEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(Path.of(environment.getProperty("encore.data-dir"))).isAbsolute();
    }
}
