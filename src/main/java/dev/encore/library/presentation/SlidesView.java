package dev.encore.library.presentation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.encore.library.Viewer;
import dev.encore.platform.spi.StreamLinks;

/**
 * A presentation's slides: how many, and each one's size, text and signed image URLs.
 *
 * @param presentationId the presentation
 * @param state          processing, ready or failed (slides are listed only when ready)
 * @param count          how many slides
 * @param slides         in page order
 * @param urlsExpireAt   when the signed URLs stop working: ask again for new ones
 */
public record SlidesView(UUID presentationId, String state, int count, List<Item> slides, Instant urlsExpireAt) {

    /**
     * One slide.
     *
     * @param number      1-based page number
     * @param width       full image width, pixels
     * @param height      full image height, pixels
     * @param thumbWidth  thumbnail width, pixels
     * @param thumbHeight thumbnail height, pixels
     * @param text        the page's text (possibly empty)
     * @param thumbUrl    signed thumbnail URL (WebP), for {@code <img src>}
     * @param fullUrl     signed full-size URL (WebP)
     */
    @Schema(name = "Slide")
    public record Item(int number, int width, int height, int thumbWidth, int thumbHeight, String text,
            String thumbUrl, String fullUrl) {
    }

    public static SlidesView of(Presentation presentation, List<Slide> slides, Viewer viewer, StreamLinks links) {
        SlideLinks signed = SlideLinks.issue(links, presentation, viewer);
        List<Item> items = slides.stream().map(slide -> new Item(slide.number(), slide.width(),
                slide.height(), slide.thumbWidth(), slide.thumbHeight(), slide.text(),
                signed.url(slide.number(), SlideSize.THUMB), signed.url(slide.number(), SlideSize.FULL))).toList();
        return new SlidesView(presentation.id(), presentation.state().value(), items.size(), items, signed.expiresAt());
    }
}
