package dev.encore.library.video;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Processed outputs of videos. */
public interface VideoFiles extends JpaRepository<VideoFile, VideoFile.Key> {

    Optional<VideoFile> findByVideoIdAndName(UUID videoId, String name);

    boolean existsBySha256(String sha256);

    /** The bytes of an owner's processed outputs, for the storage quota. */
    @Query("select coalesce(sum(f.size), 0) from VideoFile f, Video v where f.videoId = v.id and v.ownerId = :ownerId")
    long bytesOf(@Param("ownerId") UUID ownerId);
}
