package dev.encore.library.presentation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.encore.library.Viewer;
import dev.encore.platform.spi.StreamLinks;

/**
 * A presentation as clients see it.
 *
 * @param id                 presentation id
 * @param ownerId            whose it is
 * @param title              title
 * @param description        description, if any
 * @param category           category, if any
 * @param tags               tags, sorted
 * @param visibility         private, unlisted or public
 * @param featured           picked by an admin
 * @param pageCount          pages of the PDF (and slides once ready)
 * @param mimeType           type of the stored original ({@code application/pdf})
 * @param size               bytes of the original PDF
 * @param processing         where rendering stands
 * @param thumbnailUrl       a signed URL of the first slide's thumbnail (for {@code <img src>}), null until ready
 * @param slidesUrlExpiresAt when the signed slide URLs of this answer stop working: read it again for new ones
 * @param createdAt          when it was added
 * @param updatedAt          last change
 * @param version            for If-Match on updates (also the ETag)
 */
public record PresentationView(UUID id, UUID ownerId, String title, String description, String category,
        List<String> tags, String visibility, boolean featured, int pageCount, String mimeType, long size,
        Processing processing, String thumbnailUrl, Instant slidesUrlExpiresAt, Instant createdAt, Instant updatedAt,
        long version) {

    /**
     * Where rendering stands.
     *
     * @param state         processing, ready or failed
     * @param progress      0..100
     * @param failureReason why it failed, in plain words (null unless failed)
     */
    public record Processing(String state, int progress, String failureReason) {
    }

    /** The presentation as {@code viewer} sees it, with signed slide URLs of their own. */
    public static PresentationView of(Presentation presentation, Viewer viewer, StreamLinks links) {
        SlideLinks slides = SlideLinks.issue(links, presentation, viewer);
        boolean ready = presentation.state() == PresentationState.READY;
        return new PresentationView(presentation.id(), presentation.ownerId(), presentation.title(),
                presentation.description(), presentation.category(), presentation.sortedTags(),
                presentation.visibility().value(), presentation.featured(), presentation.pageCount(),
                presentation.mimeType(), presentation.size(), new Processing(presentation.state().value(),
                        presentation.progress(), presentation.failureReason()),
                ready ? slides.url(1, SlideSize.THUMB) : null, slides.expiresAt(), presentation.createdAt(),
                presentation.updatedAt(), presentation.version());
    }
}
