package dev.encore.library.track;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;

import dev.encore.library.content.ContentRepository;

public interface Tracks extends ContentRepository<Track> {

    @Override
    @Query("SELECT COALESCE(SUM(size_bytes), 0) FROM tracks WHERE owner_id = :ownerId")
    long bytesOf(UUID ownerId);

    /** Whether a track's file or cover is that blob. */
    @Override
    @Query("SELECT COUNT(*) > 0 FROM tracks WHERE sha256 = :sha256 OR cover_sha256 = :sha256")
    boolean references(String sha256);

    @Override
    @Query("SELECT id FROM tracks WHERE id = :id FOR UPDATE")
    Optional<UUID> lockRow(UUID id);

    /** The tracks of these ids (a page of playlists reads its tracks with one call). */
    default List<Track> findAllByIds(Collection<UUID> ids) {
        return findAllById(ids);
    }
}
