package dev.encore.media;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The media tools, configured from {@code encore.media.*}. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean
    Ffmpeg ffmpeg(MediaProperties properties) {
        return new Ffmpeg(properties.ffmpegPath());
    }
}
