package dev.encore.media.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The tool settings that moved from {@code encore.ingest.*} to {@code encore.media.*} keep working. */
class MediaSettingsAliasesTests {

    private final Log log = mock(Log.class);
    private final MediaSettingsAliases aliases = new MediaSettingsAliases(destination -> log);

    @Test
    void anOldKeyIsReadAsTheNewOneWithOneWarning() {
        MockEnvironment environment = new MockEnvironment().withProperty("encore.ingest.ffmpeg-path", "/opt/ff/ffmpeg");
        aliases.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("encore.media.ffmpeg-path")).isEqualTo("/opt/ff/ffmpeg");
        assertThat(environment.getProperty("encore.media.ffprobe-path")).as("unset stays unset").isNull();
        verify(log, times(1)).warn(contains("encore.ingest.ffmpeg-path is deprecated: use encore.media.ffmpeg-path"));
    }

    @Test
    void anOldEnvironmentVariableIsReadToo() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("ENCORE_INGEST_YTDLP_PATH", "/opt/yt-dlp")));
        aliases.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("encore.media.ytdlp-path")).isEqualTo("/opt/yt-dlp");
    }

    @Test
    void theNewKeyWinsAndTheOldOneIsReportedAsIgnored() {
        MockEnvironment environment = new MockEnvironment().withProperty("encore.ingest.ffprobe-path", "/old/ffprobe");
        environment.getPropertySources().addLast(new MapPropertySource("yaml",
                Map.of("encore.media.ffprobe-path", "/new/ffprobe")));
        aliases.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("encore.media.ffprobe-path")).isEqualTo("/new/ffprobe");
        verify(log).warn(contains("encore.ingest.ffprobe-path is deprecated and ignored"));
    }

    @Test
    void nothingIsSaidWhenOnlyNewKeysAreUsed() {
        MockEnvironment environment = new MockEnvironment().withProperty("encore.media.ffmpeg-path", "ffmpeg");
        aliases.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(MediaSettingsAliases.SOURCE)).isFalse();
        verify(log, never()).warn(org.mockito.ArgumentMatchers.any());
    }
}
