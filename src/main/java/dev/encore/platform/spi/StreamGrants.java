package dev.encore.platform.spi;

import java.util.UUID;

import dev.encore.platform.spi.StreamLinks.Target;

/**
 * Access to content that another module lends for a while, beyond what the library's visibility
 * rules allow: a listening room lets its members play what the host queued while they are members.
 * {@code delivery} serves a signed stream URL when the library lets its user see the content OR
 * some grant says yes, checked again on every request.
 */
public interface StreamGrants {

    /** Whether {@code userId} may play {@code contentId} now through a grant of this module. */
    boolean grants(UUID userId, Target target, UUID contentId);

    /**
     * Whether {@code userId} held a grant of this module for {@code contentId} that has ended (they
     * left the room): delivery then answers 403 {@code link-invalid} rather than 404, as the link was
     * good and no longer is. Only asked when neither the library nor any grant allows the content.
     */
    default boolean ended(UUID userId, Target target, UUID contentId) {
        return false;
    }
}
