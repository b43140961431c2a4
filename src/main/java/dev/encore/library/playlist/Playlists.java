package dev.encore.library.playlist;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Playlists extends ListCrudRepository<Playlist, UUID> {

    /** Mine and everyone's public ones. */
    default Page<Playlist> visibleTo(UUID viewer, Pageable pageable) {
        return findByOwnerIdOrIsPublicTrue(viewer, pageable);
    }

    Page<Playlist> findByOwnerIdOrIsPublicTrue(UUID ownerId, Pageable pageable);

    Optional<Playlist> findByShareToken(String shareToken);

    /** A batch in id order, after {@code after} (keyset paging for the search rebuild). */
    List<Playlist> findByIdGreaterThanOrderById(UUID after, Limit limit);

    List<Playlist> findByOwnerId(UUID ownerId);

    /** The playlists holding any of these tracks (indexed: playlist_items_track_idx). */
    @Query("SELECT DISTINCT playlist_id FROM playlist_items WHERE track_id IN (:trackIds)")
    List<UUID> holding(Collection<UUID> trackIds);

    /**
     * Locks a playlist's row until the transaction ends ({@code SELECT … FOR UPDATE}), so what is
     * read next is its current version and nobody changes or deletes it before this transaction saves.
     */
    @Query("SELECT id FROM playlists WHERE id = :id FOR UPDATE")
    Optional<UUID> lockRow(UUID id);

    /** The track ids of a playlist, in its order. */
    @Query("SELECT track_id FROM playlist_items WHERE playlist_id = :id ORDER BY position")
    List<UUID> trackIds(UUID id);
}
