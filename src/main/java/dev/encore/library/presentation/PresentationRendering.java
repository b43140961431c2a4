package dev.encore.library.presentation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import dev.encore.media.SlideRenderer;
import dev.encore.media.SlideRenderingException;
import dev.encore.media.UnusablePdfException;
import dev.encore.platform.BlobStore;

/**
 * Renders one presentation's slides as a JobRunr job (its id is the presentation's): the PDF from
 * the blob store, every page through {@link SlideRenderer} in a staging directory, each image stored
 * as it is made, then all slide rows in one transaction ({@link PresentationOutcomes#ready}). A
 * rerun (a retry, or a restart mid-job) starts over; what an earlier attempt stored is shared by
 * content address or collected. Transient failures (ffmpeg, the disk, the store) are thrown to
 * JobRunr, which retries with backoff, until the {@value #MAX_ATTEMPTS}th attempt; anything else
 * fails the presentation with a reason in plain words. Deleting the presentation stops the job at
 * the next page.
 */
@Component
public class PresentationRendering {

    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(PresentationRendering.class);
    /** How often the job looks whether its presentation was deleted. */
    private static final long CANCEL_CHECK_NANOS = 1_000_000_000L;

    private final SlideRenderer renderer;
    private final BlobStore blobs;
    private final PresentationOutcomes outcomes;

    PresentationRendering(SlideRenderer renderer, BlobStore blobs, PresentationOutcomes outcomes) {
        this.renderer = renderer;
        this.blobs = blobs;
        this.outcomes = outcomes;
    }

    @Job(name = "Render presentation %0", retries = MAX_ATTEMPTS - 1)
    public void render(UUID id) throws InterruptedException {
        PresentationOutcomes.Attempt attempt = outcomes.start(id).orElse(null);
        if (attempt == null) {
            return; // deleted, or already ready or failed
        }
        List<Slide> slides = new ArrayList<>();
        try {
            renderInto(id, attempt, slides);
            outcomes.ready(id, slides);
        }
        catch (CancellationException deleted) {
            log.info("Presentation {} was deleted while its slides were rendered", id);
            outcomes.collect(slides);
        }
        catch (UnusablePdfException refused) {
            outcomes.collect(slides);
            outcomes.failed(id, refused.getMessage());
        }
        catch (SlideRenderingException failure) {
            outcomes.collect(slides);
            retryOrFail(id, attempt, failure.isTransient(), failure.getMessage(), failure);
        }
        catch (IOException failure) {
            outcomes.collect(slides);
            retryOrFail(id, attempt, true, "The PDF or the slides could not be read or stored.", failure);
        }
        catch (RuntimeException unexpected) { // the database or the store failed meanwhile: worth another try
            outcomes.collect(slides);
            retryOrFail(id, attempt, true, "Rendering failed unexpectedly.", unexpected);
        }
    }

    private void renderInto(UUID id, PresentationOutcomes.Attempt attempt, List<Slide> slides)
            throws IOException, InterruptedException {
        Path staging = blobs.createStaging("slides", id);
        AtomicLong nextCheck = new AtomicLong(System.nanoTime() + CANCEL_CHECK_NANOS);
        try (BlobStore.LocalFile pdf = blobs.localFile(attempt.sha256())) {
            renderer.render(pdf.path(), staging, slide -> slides.add(store(slide)),
                    percent -> outcomes.progress(id, attempt.ownerId(), percent), () -> {
                        long now = System.nanoTime();
                        if (now < nextCheck.get()) {
                            return false;
                        }
                        nextCheck.set(now + CANCEL_CHECK_NANOS);
                        return !outcomes.exists(id);
                    });
        }
        finally {
            FileSystemUtils.deleteRecursively(staging);
        }
    }

    private Slide store(SlideRenderer.Slide slide) throws IOException {
        BlobStore.StoredBlob full = blobs.store(slide.full());
        BlobStore.StoredBlob thumb = blobs.store(slide.thumb());
        return new Slide(slide.number(), slide.width(), slide.height(), full.sha256(), full.size(), slide.thumbWidth(),
                slide.thumbHeight(), thumb.sha256(), thumb.size(), slide.text());
    }

    private void retryOrFail(UUID id, PresentationOutcomes.Attempt attempt, boolean transientFailure, String reason,
            Exception failure) {
        if (transientFailure && attempt.attempt() < MAX_ATTEMPTS) {
            throw new RetryLater(reason, failure);
        }
        if (transientFailure) {
            log.warn("Rendering presentation {} failed for good after {} attempts: {}", id, attempt.attempt(), reason,
                    failure);
        }
        else {
            log.info("Rendering presentation {} failed for good: {}", id, reason);
        }
        outcomes.failed(id, reason);
    }

    /** Thrown to JobRunr, which runs the job again after its exponential backoff. */
    static final class RetryLater extends RuntimeException {

        RetryLater(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
