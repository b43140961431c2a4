package dev.encore.library.video;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import dev.encore.library.content.ContentRepository;

public interface Videos extends ContentRepository<Video> {

    /** Whether a video's file is that blob. */
    @Override
    @Query("select count(v) > 0 from Video v where v.sha256 = :sha256")
    boolean references(@Param("sha256") String sha256);
}
