package dev.encore.library.playlist;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Playlists extends JpaRepository<Playlist, UUID>, JpaSpecificationExecutor<Playlist> {

    /** Mine and everyone's public ones. */
    @Query("select p from Playlist p where p.ownerId = :viewer or p.isPublic = true")
    Page<Playlist> visibleTo(@Param("viewer") UUID viewer, Pageable pageable);

    Optional<Playlist> findByShareToken(String shareToken);

    /** A batch in id order, after {@code after} (keyset paging for the search rebuild). */
    List<Playlist> findByIdGreaterThanOrderById(UUID after, Limit limit);

    List<Playlist> findByOwnerId(UUID ownerId);

    /** The track ids of a playlist, in its order. */
    @Query("select i.trackId from PlaylistItem i where i.playlist.id = :id order by i.position")
    List<UUID> trackIds(@Param("id") UUID id);
}
