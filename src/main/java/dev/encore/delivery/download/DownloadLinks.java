package dev.encore.delivery.download;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.encore.platform.EncoreSecurityProperties;
import dev.encore.delivery.link.LinkExpiredException;
import dev.encore.delivery.link.LinkInvalidException;
import dev.encore.delivery.link.LinkSigner;

/**
 * Signed, expiring, owner-bound download links ({@link LinkSigner}'s scheme with its own key): the
 * kind is {@code v1} for one file and {@code z1} for a zip bundle (signed too, so a file link cannot
 * be turned into a bundle link).
 */
@Component
class DownloadLinks {

    private static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

    /** What a link grants. */
    enum Kind {
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

    private final LinkSigner signer;

    DownloadLinks(EncoreSecurityProperties security, Clock clock) {
        this.signer = new LinkSigner(security.jwtSecret(), "encore download links v1", clock);
    }

    /**
     * A signed link token.
     *
     * @param token     goes into {@code /dl/{token}}
     * @param expiresAt when it stops working
     */
    record Link(String token, Instant expiresAt) {
    }

    /** What a valid token grants: this owner may download this file (or bundle). */
    record Grant(Kind kind, UUID id, UUID ownerId) {
    }

    /** Signs a link to {@code fileId} for {@code ownerId}, valid for 15 minutes. */
    Link sign(UUID fileId, UUID ownerId) {
        return sign(Kind.FILE, fileId, ownerId, DEFAULT_TTL);
    }

    Link sign(Kind kind, UUID id, UUID ownerId, Duration ttl) {
        Instant expiresAt = signer.expiry(ttl);
        return new Link(signer.sign(kind.prefix, id, ownerId, expiresAt), expiresAt);
    }

    /**
     * Checks a token.
     *
     * @throws LinkInvalidException when it is malformed, not a download link or its signature does not match (403)
     * @throws LinkExpiredException when it was valid but has expired (410)
     */
    Grant verify(String token) {
        LinkSigner.Signed signed = signer.verify(token);
        Kind kind = Kind.of(signed.kind());
        if (kind == null) {
            throw new LinkInvalidException();
        }
        return new Grant(kind, signed.id(), signed.subject());
    }
}
