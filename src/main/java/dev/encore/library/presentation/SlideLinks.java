package dev.encore.library.presentation;

import java.time.Instant;

import dev.encore.library.Viewer;
import dev.encore.platform.spi.StreamLinks;

/**
 * Signed slide image URLs for {@code <img>} elements, which send no Authorization header: one
 * stream token per answer ({@link StreamLinks}, target {@code PRESENTATION}), and under it
 * {@code /slides/{n}/thumb.webp} and {@code /slides/{n}/full.webp}.
 *
 * @param base      the token's URL
 * @param expiresAt when it stops working
 */
record SlideLinks(String base, Instant expiresAt) {

    static SlideLinks issue(StreamLinks links, Presentation presentation, Viewer viewer) {
        StreamLinks.StreamLink link = links.issue(StreamLinks.Target.PRESENTATION, presentation.id(), viewer.userId(),
                0);
        return new SlideLinks(link.url(), link.expiresAt());
    }

    String url(int number, SlideSize size) {
        return base + "/slides/" + number + "/" + size.value() + ".webp";
    }
}
