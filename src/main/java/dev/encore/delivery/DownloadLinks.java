package dev.encore.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import dev.encore.platform.EncoreSecurityProperties;

/**
 * Signed, expiring, owner-bound download links that need no server-side state, so any node can
 * check them: {@code <kind>.<id>.<owner>.<expires>.<HMAC-SHA256>}, where the kind is {@code v1}
 * for one file and {@code z1} for a zip bundle (signed too, so a file link cannot be turned into
 * a bundle link). The key is derived from the JWT secret for this one purpose, so a link
 * signature can never pass as a token and vice versa.
 */
@Component
public class DownloadLinks {

    private static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

    /** What a link grants. */
    public enum Kind {
        /** One file. */
        FILE("v1"),
        /** A bundle of files, streamed as one zip. */
        BUNDLE("z1");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        static Kind of(String prefix) {
            for (Kind kind : values()) {
                if (kind.prefix.equals(prefix)) {
                    return kind;
                }
            }
            return null;
        }
    }

    private final byte[] key;
    private final Clock clock;

    DownloadLinks(EncoreSecurityProperties security, Clock clock) {
        this.key = hmac(security.jwtSecret().getBytes(StandardCharsets.UTF_8),
                "encore download links v1".getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /**
     * A signed link token.
     *
     * @param token     goes into {@code /dl/{token}}
     * @param expiresAt when it stops working
     */
    public record Link(String token, Instant expiresAt) {
    }

    /** What a valid token grants: this owner may download this file (or bundle). */
    public record Grant(Kind kind, UUID id, UUID ownerId) {
    }

    /** Signs a link to {@code fileId} for {@code ownerId}, valid for 15 minutes. */
    public Link sign(UUID fileId, UUID ownerId) {
        return sign(Kind.FILE, fileId, ownerId, DEFAULT_TTL);
    }

    public Link sign(Kind kind, UUID id, UUID ownerId, Duration ttl) {
        // whole seconds: the token carries seconds, so the answer's expiresAt matches it exactly
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String payload = kind.prefix + "." + id + "." + ownerId + "." + expiresAt.getEpochSecond();
        return new Link(payload + "." + signature(payload), expiresAt);
    }

    /**
     * Checks a token.
     *
     * @throws LinkInvalidException when it is malformed or its signature does not match (403)
     * @throws LinkExpiredException when it was valid but has expired (410)
     */
    public Grant verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        Kind kind = parts.length == 5 ? Kind.of(parts[0]) : null;
        if (kind == null) {
            throw new LinkInvalidException();
        }
        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!MessageDigest.isEqual(signature(payload).getBytes(StandardCharsets.US_ASCII),
                parts[4].getBytes(StandardCharsets.US_ASCII))) {
            throw new LinkInvalidException();
        }
        Grant grant;
        long expires;
        try {
            grant = new Grant(kind, UUID.fromString(parts[1]), UUID.fromString(parts[2]));
            expires = Long.parseLong(parts[3]);
        }
        catch (IllegalArgumentException ex) {
            throw new LinkInvalidException();
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(expires))) {
            throw new LinkExpiredException();
        }
        return grant;
    }

    private String signature(String payload) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(key, payload.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
