package dev.encore.library.presentation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.library.ContentChanged;
import dev.encore.library.search.SearchKind;
import dev.encore.platform.BlobCollector;
import dev.encore.platform.UserNotifications;

/**
 * What the rendering job records, each in a short transaction of its own: an attempt starting,
 * progress (stored and pushed to the owner on {@code /user/queue/presentations}), and the end: every
 * slide row at once with the state {@code ready}, or {@code failed} with a reason. A presentation
 * deleted meanwhile takes nothing: the slide blobs just stored go to the collector.
 */
@Component
class PresentationOutcomes {

    private static final int SAVE_ATTEMPTS = 3;

    private final Presentations presentations;
    private final PresentationSlides slideRows;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final BlobCollector collector;
    private final UserNotifications notifications;

    PresentationOutcomes(Presentations presentations, PresentationSlides slideRows, PlatformTransactionManager transactions,
            ApplicationEventPublisher events, BlobCollector collector, UserNotifications notifications) {
        this.presentations = presentations;
        this.slideRows = slideRows;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.collector = collector;
        this.notifications = notifications;
    }

    /**
     * An attempt at rendering starts.
     *
     * @param ownerId whose it is
     * @param sha256  the PDF
     * @param attempt 1 for the first
     */
    record Attempt(UUID ownerId, String sha256, int attempt) {
    }

    /** The attempt, or empty when the presentation is gone or no longer processing. */
    Optional<Attempt> start(UUID id) {
        return transactions.execute(status -> presentations.findById(id)
                .filter(presentation -> presentation.state() == PresentationState.PROCESSING)
                .map(presentation -> {
                    presentations.attemptStarted(id);
                    return new Attempt(presentation.ownerId(), presentation.sha256(), presentation.attempts() + 1);
                }));
    }

    boolean exists(UUID id) {
        return presentations.existsById(id);
    }

    void progress(UUID id, UUID ownerId, int percent) {
        presentations.progress(id, PresentationState.PROCESSING, percent);
        notify(ownerId, id, PresentationState.PROCESSING, percent, null);
    }

    /** Every slide: ready. When the presentation is gone, its slides' blobs are collected instead. */
    void ready(UUID id, List<Slide> slides) {
        boolean saved = retried(() -> transactions.execute(status -> presentations.findById(id)
                .filter(presentation -> presentation.state() == PresentationState.PROCESSING).map(presentation -> {
                    presentation.ready(slides);
                    presentations.save(presentation);
                    presentations.progress(id, PresentationState.READY, 100);
                    slideRows.insertAll(id, slides);
                    events.publishEvent(new ContentChanged(id, SearchKind.PRESENTATION));
                    notify(presentation.ownerId(), id, PresentationState.READY, 100, null);
                    return true;
                }).orElse(false)));
        if (!saved) {
            collect(slides);
        }
    }

    /** Failed for good, with a reason in plain words. */
    void failed(UUID id, String reason) {
        retried(() -> transactions.execute(status -> presentations.findById(id)
                .filter(presentation -> presentation.state() == PresentationState.PROCESSING).map(presentation -> {
                    presentation.failed(reason);
                    presentations.save(presentation);
                    notify(presentation.ownerId(), id, PresentationState.FAILED, presentation.progress(), reason);
                    return true;
                }).orElse(false)));
    }

    /** Blobs of slides no presentation took (after the collector's grace, or by the orphan sweep). */
    void collect(List<Slide> slides) {
        slides.forEach(slide -> {
            collector.collect(slide.fullSha256());
            collector.collect(slide.thumbSha256());
        });
    }

    private void notify(UUID ownerId, UUID id, PresentationState state, int progress, String reason) {
        notifications.send(ownerId, ProgressMessage.TOPIC, new ProgressMessage(id, state.value(), progress, reason));
    }

    /** An owner's edit landing at the same moment bumps the version: read again and apply once more. */
    private static <T> T retried(java.util.function.Supplier<T> change) {
        for (int attempt = 1;; attempt++) {
            try {
                return change.get();
            }
            catch (OptimisticLockingFailureException ex) {
                if (attempt == SAVE_ATTEMPTS) {
                    throw ex;
                }
            }
        }
    }
}
