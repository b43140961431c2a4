package dev.encore.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.encore.platform.EncoreProperties;
import dev.encore.platform.EncoreSecurityProperties;
import dev.encore.platform.spi.StreamLinks;

/** Signs links with the application's key at another time, to test expiry end to end. */
public final class TestLinks {

    private TestLinks() {
    }

    /** A file link signed with the app's key that expired a minute ago. */
    public static String expiredFileToken(EncoreSecurityProperties security, UUID fileId, UUID ownerId) {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        return new DownloadLinks(security, past).sign(fileId, ownerId).token();
    }

    /** A valid file link for any file and owner (a foreign link: signed for someone else). */
    public static String fileToken(EncoreSecurityProperties security, UUID fileId, UUID ownerId) {
        return new DownloadLinks(security, Clock.systemUTC()).sign(fileId, ownerId).token();
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
}
