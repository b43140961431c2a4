package dev.encore.delivery.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.encore.platform.EncoreProperties;
import dev.encore.platform.EncoreSecurityProperties;
import dev.encore.platform.spi.StreamLinks;
import dev.encore.delivery.link.DeliveryProperties;

/** Signs stream URLs with the application's key at another time, to test expiry end to end. */
public final class TestStreamUrls {

    private TestStreamUrls() {
    }

    /** The path of a track's stream URL for {@code userId}, signed with the app's key, that has expired. */
    public static String expiredTrackStream(EncoreSecurityProperties security, DeliveryProperties delivery,
            EncoreProperties encore, UUID trackId, UUID userId) {
        Clock past = Clock.fixed(Instant.now().minus(delivery.streamUrlTtl()).minus(Duration.ofMinutes(1)),
                ZoneOffset.UTC);
        String url = new StreamUrls(security, delivery, encore, past).issue(StreamLinks.Target.TRACK, trackId, userId, 0)
                .url();
        return java.net.URI.create(url).getPath();
    }

    /** The path of a video's stream URL for {@code userId}, signed with the app's key, that has expired. */
    public static String expiredVideoStream(EncoreSecurityProperties security, DeliveryProperties delivery,
            EncoreProperties encore, UUID videoId, UUID userId) {
        Clock past = Clock.fixed(Instant.now().minus(delivery.streamUrlTtl()).minus(Duration.ofMinutes(1)),
                ZoneOffset.UTC);
        String url = new StreamUrls(security, delivery, encore, past).issue(StreamLinks.Target.VIDEO, videoId, userId, 0)
                .url();
        return java.net.URI.create(url).getPath();
    }
}
