package dev.encore.library.presentation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import dev.encore.library.content.LibraryContent;
import dev.encore.library.content.StoredMedia;

/**
 * A presentation: an uploaded PDF (its original, kept) and the slides its job rendered from it.
 * The slides arrive all at once when the job finishes ({@link #ready}), never some of them.
 */
@Entity
@Table(name = "presentations")
public class Presentation extends LibraryContent {

    private String description;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "presentation_tags", joinColumns = @JoinColumn(name = "presentation_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();
    @Column(name = "page_count")
    private int pageCount;
    @Enumerated(EnumType.STRING)
    private PresentationState state;
    private int progress;
    @Column(name = "failure_reason")
    private String failureReason;
    private int attempts;
    @Column(name = "slide_bytes")
    private long slideBytes;
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "presentation_slides", joinColumns = @JoinColumn(name = "presentation_id"))
    @OrderBy("number")
    private List<Slide> slides = new ArrayList<>();

    protected Presentation() {
    }

    public Presentation(UUID ownerId, StoredMedia pdf, int pageCount, Instant now) {
        super(ownerId, pdf, now);
        this.pageCount = pageCount;
        this.state = PresentationState.PROCESSING;
    }

    public void describe(PresentationDetails details, Instant now) {
        if (details.description() != null) {
            description = blankToNull(details.description());
        }
        describe(details.title(), details.category(), details.visibility(), details.tags(), details.featured(), now);
    }

    /** Rendering attempts started so far. */
    int attempts() {
        return attempts;
    }

    /** Every slide, rendered and stored: the presentation is ready. */
    void ready(List<Slide> rendered) {
        slides.clear();
        slides.addAll(rendered);
        slideBytes = rendered.stream().mapToLong(slide -> slide.fullBytes() + slide.thumbBytes()).sum();
        state = PresentationState.READY;
        progress = 100;
        failureReason = null;
    }

    /** Rendering failed for good; {@code reason} is in plain words. */
    void failed(String reason) {
        state = PresentationState.FAILED;
        failureReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    @Override
    protected Set<String> tagCollection() {
        return tags;
    }

    /** The PDF and every slide image. */
    @Override
    public Stream<String> blobs() {
        return Stream.concat(super.blobs(), slides.stream().flatMap(slide -> Stream.of(slide.fullSha256(),
                slide.thumbSha256())));
    }

    String description() {
        return description;
    }

    public int pageCount() {
        return pageCount;
    }

    public PresentationState state() {
        return state;
    }

    public int progress() {
        return progress;
    }

    public String failureReason() {
        return failureReason;
    }

    /** The slides, in page order (empty until ready). */
    public List<Slide> slides() {
        return slides;
    }

    /** Every slide's text, joined, for search. */
    public String slideText() {
        return String.join("\n", slides.stream().map(Slide::text).toList());
    }
}
