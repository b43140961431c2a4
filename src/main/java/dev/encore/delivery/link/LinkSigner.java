package dev.encore.delivery.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one signing scheme of Encore's links, which need no server-side state, so any node can check
 * them: {@code <kind>.<id>.<subject>.<expires>.<HMAC-SHA256>}. The key is derived from the JWT
 * secret for one purpose (downloads, streams), so a link of one purpose never passes for another,
 * nor for a token, and vice versa. The kind is signed too.
 */
public final class LinkSigner {

    /**
     * What a valid token says.
     *
     * @param kind      the kind prefix, e.g. {@code v1}
     * @param id        what it grants
     * @param subject   to whom
     * @param expiresAt until when
     */
    public record Signed(String kind, UUID id, UUID subject, Instant expiresAt) {
    }

    /**
     * A Mac keyed once with this purpose's key; each signature uses a clone of it. Looking up the
     * provider and keying a new Mac for every link (a page of 20 tracks signs 20 stream links) cost
     * more than the HMAC itself.
     */
    private final Mac keyed;
    private final Clock clock;

    public LinkSigner(String secret, String purpose, Clock clock) {
        this.keyed = keyedMac(hmac(keyedMac(secret.getBytes(StandardCharsets.UTF_8)),
                purpose.getBytes(StandardCharsets.UTF_8)));
        this.clock = clock;
    }

    /** Now plus {@code ttl}, in whole seconds: the token carries seconds, so answers can quote it exactly. */
    public Instant expiry(Duration ttl) {
        return clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
    }

    public String sign(String kind, UUID id, UUID subject, Instant expiresAt) {
        String payload = kind + "." + id + "." + subject + "." + expiresAt.getEpochSecond();
        return payload + "." + signature(payload);
    }

    /**
     * Checks a token's form, signature and expiry; the caller checks the kind.
     *
     * @throws LinkInvalidException when it is malformed or its signature does not match (403)
     * @throws LinkExpiredException when it was valid but has expired (410)
     */
    public Signed verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 5) {
            throw new LinkInvalidException();
        }
        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!MessageDigest.isEqual(signature(payload).getBytes(StandardCharsets.US_ASCII),
                parts[4].getBytes(StandardCharsets.US_ASCII))) {
            throw new LinkInvalidException();
        }
        Signed signed;
        try {
            signed = new Signed(parts[0], UUID.fromString(parts[1]), UUID.fromString(parts[2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[3])));
        }
        catch (IllegalArgumentException | java.time.DateTimeException ex) {
            throw new LinkInvalidException();
        }
        if (!clock.instant().isBefore(signed.expiresAt())) {
            throw new LinkExpiredException();
        }
        return signed;
    }

    private String signature(String payload) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(keyed, payload.getBytes(StandardCharsets.US_ASCII)));
    }

    /** HMAC-SHA256 of {@code data} under the key of {@code prototype}, which stays untouched (thread-safe). */
    private static byte[] hmac(Mac prototype, byte[] data) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        }
        catch (CloneNotSupportedException ex) {
            // the JDK's HmacSHA256 is cloneable; a provider's that is not would need a Mac per use
            throw new IllegalStateException("HmacSHA256 of " + prototype.getProvider() + " cannot be cloned", ex);
        }
        return mac.doFinal(data);
    }

    private static Mac keyedMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
