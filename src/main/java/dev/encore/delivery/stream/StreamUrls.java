package dev.encore.delivery.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.platform.EncoreProperties;
import dev.encore.platform.EncoreSecurityProperties;
import dev.encore.platform.spi.StreamLinks;
import dev.encore.delivery.link.DeliveryProperties;
import dev.encore.delivery.link.LinkExpiredException;
import dev.encore.delivery.link.LinkInvalidException;
import dev.encore.delivery.link.LinkSigner;

/**
 * Signs and checks stream URLs: {@code {public-url}/stream/tracks/{token}} and
 * {@code /stream/videos/{token}} (and {@code /stream/presentations/{token}/slides/...}), with {@link LinkSigner}'s scheme under a key of their own (a
 * download link never opens a stream, nor the other way round). The token names one track or video
 * ({@code t1}, {@code m1} or {@code p1}, signed), the user it was issued to and its expiry.
 */
@Component
class StreamUrls implements StreamLinks {

    /**
     * What a valid stream token grants.
     *
     * @param contentId the track or video
     * @param userId    the user it was issued to
     */
    record Grant(UUID contentId, UUID userId) {
    }

    private final LinkSigner signer;
    private final Duration ttl;
    private final String publicUrl;

    StreamUrls(EncoreSecurityProperties security, DeliveryProperties properties, EncoreProperties encore,
            Clock clock) {
        this.signer = new LinkSigner(security.jwtSecret(), "encore stream links v1", clock);
        this.ttl = properties.streamUrlTtl();
        this.publicUrl = encore.publicUrl().toString().replaceAll("/+$", "");
    }

    @Override
    public StreamLink issue(Target target, UUID contentId, UUID userId, long durationMs) {
        Instant expiresAt = signer.expiry(ttl.plusMillis(Math.max(0, durationMs)));
        String token = signer.sign(kind(target), contentId, userId, expiresAt);
        return new StreamLink(publicUrl + path(target) + token, expiresAt);
    }

    /**
     * Checks a token of the route for {@code target}.
     *
     * @throws LinkInvalidException when it is malformed, altered or for another kind of content (403)
     * @throws LinkExpiredException when it has expired (410)
     */
    Grant verify(String token, Target target) {
        LinkSigner.Signed signed = signer.verify(token);
        if (!signed.kind().equals(kind(target))) {
            throw new LinkInvalidException();
        }
        return new Grant(signed.id(), signed.subject());
    }

    /** The route's path before the token. */
    static String path(Target target) {
        return switch (target) {
            case TRACK -> "/stream/tracks/";
            case VIDEO -> "/stream/videos/";
            case PRESENTATION -> "/stream/presentations/";
        };
    }

    private static String kind(Target target) {
        return switch (target) {
            case TRACK -> "t1";
            case VIDEO -> "m1";
            case PRESENTATION -> "p1";
        };
    }
}
