package dev.encore.library;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.account.UserDeleted;
import dev.encore.library.content.ContentEditing;
import dev.encore.library.content.ContentListing;
import dev.encore.library.content.LibraryProblems;
import dev.encore.library.content.StoredMedia;
import dev.encore.library.presentation.Presentation;
import dev.encore.library.presentation.PresentationDetails;
import dev.encore.library.presentation.PresentationFilter;
import dev.encore.library.presentation.PresentationProblems;
import dev.encore.library.presentation.PresentationSlides;
import dev.encore.library.presentation.PresentationState;
import dev.encore.library.presentation.PresentationSubmitted;
import dev.encore.library.presentation.PresentationView;
import dev.encore.library.presentation.Presentations;
import dev.encore.library.presentation.Slide;
import dev.encore.library.presentation.SlideSize;
import dev.encore.library.presentation.SlidesView;
import dev.encore.library.search.SearchKind;
import dev.encore.library.upload.ContentSources;
import dev.encore.library.upload.Upload;
import dev.encore.library.upload.UploadKind;
import dev.encore.media.SlideRenderer;
import dev.encore.media.UnusablePdfException;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.BlobStore;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.StorageUnavailableException;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.platform.spi.StreamLinks;

/**
 * Presentations: made from a PDF upload, which is checked whole before anything is saved (an
 * encrypted, damaged or too long PDF, or one with a page too large to render, is refused with a 422
 * problem of its own and the upload stays unused); then rendered to slides by a job. Read according
 * to visibility, edited by their owner (featuring by admins), deleted with the PDF and every slide
 * image when nothing else uses them.
 */
@Service
public class PresentationLibrary {

    /** The listing's sort properties and their columns. */
    private static final Map<String, String> SORT_COLUMNS = Map.of("title", "c.title", "createdAt", "c.created_at");

    private final Presentations presentations;
    private final PresentationSlides slides;
    private final ContentListing listing;
    private final ContentEditing<Presentation> editing;
    private final ContentSources sources;
    private final SlideRenderer renderer;
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;
    private final StreamLinks links;
    private final Clock clock;

    PresentationLibrary(Presentations presentations, PresentationSlides slides, ContentListing listing,
            ContentSources sources, SlideRenderer renderer, BlobStore blobs, BlobCollector collector,
            ApplicationEventPublisher events, StreamLinks links, Clock clock) {
        this.presentations = presentations;
        this.listing = listing;
        this.slides = slides;
        // a presentation keeps its slide images alive too; their rows go with it (foreign key)
        this.editing = new ContentEditing<>(presentations, SearchKind.PRESENTATION, events, collector,
                presentation -> Stream.concat(presentation.blobs(), slides.blobsOf(presentation.id()).stream()));
        this.sources = sources;
        this.renderer = renderer;
        this.blobs = blobs;
        this.events = events;
        this.links = links;
        this.clock = clock;
    }

    /**
     * A new presentation from one of the viewer's PDF uploads, state {@code processing}; its slides
     * are rendered by a job enqueued after the commit.
     */
    @Transactional
    public PresentationView create(Viewer viewer, PresentationDetails details) {
        ContentEditing.checkFeatured(viewer, details.featured());
        if (details.uploadId() == null) {
            throw InvalidFieldsException.of("uploadId", "must name a PDF upload");
        }
        Upload upload = sources.useUpload(viewer, details.uploadId(), UploadKind.PDF, "must be a PDF upload");
        int pages = inspect(upload.sha256()); // a refusal rolls the upload's use back
        Presentation presentation = new Presentation(viewer.userId(), new StoredMedia(upload.sha256(),
                upload.mimeType(), upload.size(), 0, upload.filename()), pages, clock.instant());
        String title = details.title() != null ? details.title() : ContentSources.titleOf(upload.filename());
        presentation.describe(new PresentationDetails(title, details.description(), details.category(),
                details.visibility(), details.tags(), details.featured(), null), clock.instant());
        Presentation saved = editing.saved(presentation);
        events.publishEvent(new PresentationSubmitted(saved.id()));
        return view(viewer, saved);
    }

    private int inspect(String sha256) {
        try (BlobStore.LocalFile pdf = blobs.localFile(sha256)) {
            return renderer.inspect(pdf.path()).pages();
        }
        catch (UnusablePdfException refused) {
            throw PresentationProblems.refused(refused);
        }
        catch (NoSuchFileException gone) {
            throw LibraryProblems.notFound("upload");
        }
        catch (IOException unreadable) {
            throw new StorageUnavailableException(unreadable);
        }
    }

    @Transactional(readOnly = true)
    public PresentationView get(Viewer viewer, UUID id) {
        return view(viewer, editing.visible(viewer, id));
    }

    /**
     * A presentation the viewer may see, in brief; empty when it does not exist or is not visible to the
     * viewer (nothing is thrown, so a caller's transaction stays usable).
     */
    @Transactional(readOnly = true)
    public Optional<PresentationSummary> summary(Viewer viewer, UUID id) {
        return presentations.findById(id).filter(viewer::maySee).map(presentation -> new PresentationSummary(
                presentation.id(), presentation.ownerId(), presentation.title(),
                presentation.state() == PresentationState.READY, presentation.pageCount()));
    }

    @Transactional(readOnly = true)
    public Page<PresentationView> list(Viewer viewer, PresentationFilter filter, Pageable pageable) {
        return listing.page(presentations, "presentations", filter.where(viewer), pageable, SORT_COLUMNS)
                .map(presentation -> view(viewer,
                presentation));
    }

    @Transactional
    public PresentationView update(Viewer viewer, UUID id, PresentationDetails details, Long expectedVersion) {
        ContentEditing.checkFeatured(viewer, details.featured());
        return view(viewer, editing.update(viewer, id, null, details.uploadId(), expectedVersion,
                presentation -> presentation.describe(details, clock.instant())));
    }

    /** Deletes a presentation, then (after the commit) its PDF and slide images when nothing else uses them. */
    @Transactional
    public void delete(Viewer viewer, UUID id) {
        editing.delete(viewer, id);
    }

    /** The slides of a presentation the viewer may see: count, text and signed image URLs (none until ready). */
    @Transactional(readOnly = true)
    public SlidesView slides(Viewer viewer, UUID id) {
        Presentation presentation = editing.visible(viewer, id);
        return SlidesView.of(presentation, slides.of(presentation.id()), viewer, links);
    }

    /**
     * One slide image of a presentation the viewer may see, for streaming (404 when there is no such
     * slide, or the presentation is not ready).
     *
     * @param size {@code thumb} or {@code full}
     */
    @Transactional(readOnly = true)
    public DeliverableFile slideImage(Viewer viewer, UUID id, int number, String size) {
        SlideSize which = SlideSize.of(size).orElseThrow(() -> InvalidFieldsException.of("size",
                "must be thumb or full"));
        Presentation presentation = editing.visible(viewer, id);
        Slide slide = presentation.state() != PresentationState.READY ? null
                : slides.find(presentation.id(), number).orElse(null);
        if (slide == null) {
            throw LibraryProblems.notFound("slide");
        }
        boolean full = which == SlideSize.FULL;
        return new DeliverableFile(presentation.id(), presentation.ownerId(),
                "slide-%d-%s.webp".formatted(number, which.value()), "image/webp",
                full ? slide.fullBytes() : slide.thumbBytes(), full ? slide.fullSha256() : slide.thumbSha256(), null,
                presentation.updatedAt(), null);
    }

    /** A deleted account's presentations go with it. */
    @ApplicationModuleListener
    void on(UserDeleted deleted) {
        editing.deleteAllOf(deleted.userId());
    }

    private PresentationView view(Viewer viewer, Presentation presentation) {
        return PresentationView.of(presentation, viewer, links);
    }
}
