package dev.encore.library.presentation;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.library.content.ContentRepository;

public interface Presentations extends ContentRepository<Presentation> {

    /** The PDFs and the slide images of an owner's presentations, for the storage quota. */
    @Override
    @Query("SELECT COALESCE(SUM(size_bytes + slide_bytes), 0) FROM presentations WHERE owner_id = :ownerId")
    long bytesOf(UUID ownerId);

    /** Whether a presentation's PDF or one of its slide images is that blob. */
    @Override
    @Query("SELECT (EXISTS (SELECT 1 FROM presentations WHERE sha256 = :sha256) OR EXISTS (SELECT 1 FROM"
            + " presentation_slides WHERE full_sha256 = :sha256 OR thumb_sha256 = :sha256))")
    boolean references(String sha256);

    /** A rendering job holds the row from saving the presentation ready until it commits its slides. */
    @Override
    @Query("SELECT id FROM presentations WHERE id = :id FOR UPDATE")
    Optional<UUID> lockRow(UUID id);

    /** A rendering attempt starts; no version change (the job's bookkeeping is not an edit). */
    @Transactional
    @Modifying
    @Query("UPDATE presentations SET attempts = attempts + 1 WHERE id = :id")
    int attemptStarted(UUID id);

    /** The job's progress (0..100) while it renders; no version change (it is not an edit). */
    @Transactional
    @Modifying
    @Query("UPDATE presentations SET progress = :progress WHERE id = :id AND state = :state")
    int progress(UUID id, PresentationState state, int progress);
}
