package dev.encore.delivery.download;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.encore.platform.EncoreSecurityProperties;

/** Signs download links with the application's key at another time, to test expiry end to end. */
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
}
