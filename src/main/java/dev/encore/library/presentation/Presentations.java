package dev.encore.library.presentation;

import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.library.content.ContentRepository;

public interface Presentations extends ContentRepository<Presentation> {

    /** The PDFs and the slide images of an owner's presentations, for the storage quota. */
    @Override
    @Query("select coalesce(sum(p.size + p.slideBytes), 0) from Presentation p where p.ownerId = :ownerId")
    long bytesOf(@Param("ownerId") UUID ownerId);

    /** Whether a presentation's PDF or one of its slide images is that blob. */
    @Override
    @Query("select count(p) > 0 from Presentation p left join p.slides s where p.sha256 = :sha256 "
            + "or s.fullSha256 = :sha256 or s.thumbSha256 = :sha256")
    boolean references(@Param("sha256") String sha256);

    /** A rendering attempt starts; no version change (the job's bookkeeping is not an edit). */
    @Transactional
    @Modifying
    @Query("update Presentation p set p.attempts = p.attempts + 1 where p.id = :id")
    int attemptStarted(@Param("id") UUID id);

    /** The job's progress (0..100) while it renders; no version change (it is not an edit). */
    @Transactional
    @Modifying
    @Query("update Presentation p set p.progress = :progress where p.id = :id and p.state = :state")
    int progress(@Param("id") UUID id, @Param("state") PresentationState state, @Param("progress") int progress);
}
