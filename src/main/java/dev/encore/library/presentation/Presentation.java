package dev.encore.library.presentation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.relational.core.mapping.InsertOnlyProperty;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;


import dev.encore.library.content.LibraryContent;
import dev.encore.library.content.StoredMedia;

/**
 * A presentation: an uploaded PDF (its original, kept) and the slides its job rendered from it.
 * The slides arrive all at once when the job finishes ({@link #ready}), never some of them.
 */
@Table("presentations")
public class Presentation extends LibraryContent {

    private String description;
    /** Saved with the presentation: its rows are replaced by every save. */
    @MappedCollection(idColumn = "presentation_id")
    private Set<Tag> tags = new LinkedHashSet<>();
    private int pageCount;
    private PresentationState state;
    /** Moved by {@link Presentations#progress} while the job renders: a save never writes over it. */
    @InsertOnlyProperty
    private int progress;
    private String failureReason;
    /** Counted only by {@link Presentations#attemptStarted}: a save never writes over it. */
    @InsertOnlyProperty
    private int attempts;
    /** The slides' images together; the slides themselves are rows of their own ({@link PresentationSlides}). */
    private long slideBytes;

    /** For Spring Data, which fills the fields of one read from the database. */
    private Presentation() {
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

    /** Every slide, rendered and stored (their rows are inserted beside this save): the presentation is ready. */
    void ready(List<Slide> rendered) {
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
    protected Stream<String> tagNames() {
        return tags.stream().map(Tag::tag);
    }

    @Override
    protected void retag(Set<String> names) {
        tags = names.stream().map(Tag::new).collect(Collectors.toCollection(LinkedHashSet::new));
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

    /** One row of {@code presentation_tags}. */
    @Table("presentation_tags")
    record Tag(String tag) {
    }
}
