package dev.encore.library.track;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import dev.encore.library.Visibility;
import dev.encore.library.browse.BrowseEntry;
import dev.encore.library.content.ContentRepository;

public interface Tracks extends ContentRepository<Track> {


    /** Whether a track's file or cover is that blob. */
    @Override
    @Query("select count(t) > 0 from Track t where t.sha256 = :sha256 or t.coverSha256 = :sha256")
    boolean references(@Param("sha256") String sha256);

    /** The tracks of these ids (a page of playlists reads its tracks with one call). */
    @Query(TRACKS_BY_IDS)
    List<Track> findAllByIds(@Param("ids") java.util.Collection<UUID> ids);

    /** The query of {@link #findAllByIds}, by which statistics find it. */
    String TRACKS_BY_IDS = "select t from Track t where t.id in :ids";

    /** Artists of the tracks a viewer may list, with counts, by name (any case: one entry). */
    @Query(value = "select new dev.encore.library.browse.BrowseEntry(min(t.artist), count(t), max(case when t.coverSha256 is not null then cast(t.id as String) else null end)) from Track t where (:admin = true or t.ownerId = :viewer or t.visibility = dev.encore.library.Visibility.PUBLIC) "
            + "group by lower(t.artist) order by lower(t.artist)",
            countQuery = "select count(distinct lower(t.artist)) from Track t where (:admin = true or t.ownerId = :viewer or t.visibility = dev.encore.library.Visibility.PUBLIC)")
    Page<BrowseEntry> artists(@Param("viewer") UUID viewer, @Param("admin") boolean admin, Pageable pageable);

    /** Genres of the tracks a viewer may list, with counts, by name (any case: one entry). */
    @Query(value = "select new dev.encore.library.browse.BrowseEntry(min(t.genre), count(t)) from Track t "
            + "where t.genre is not null and (:admin = true or t.ownerId = :viewer or t.visibility = dev.encore.library.Visibility.PUBLIC) group by lower(t.genre) order by lower(t.genre)",
            countQuery = "select count(distinct lower(t.genre)) from Track t where t.genre is not null and (:admin = true or t.ownerId = :viewer or t.visibility = dev.encore.library.Visibility.PUBLIC)")
    Page<BrowseEntry> genres(@Param("viewer") UUID viewer, @Param("admin") boolean admin, Pageable pageable);

    /** Albums (with their artist) of the tracks a viewer may list, optionally of one artist (any case). */
    @Query(value = "select new dev.encore.library.browse.BrowseEntry(min(t.album), min(t.artist), count(t), max(case when t.coverSha256 is not null then cast(t.id as String) else null end), true) from Track t "
            + "where t.album is not null and (:artist is null or lower(t.artist) = :artist) and (:admin = true or t.ownerId = :viewer or t.visibility = dev.encore.library.Visibility.PUBLIC) "
            + "group by lower(t.album), lower(t.artist) order by lower(t.album), lower(t.artist)",
            countQuery = "select count(*) from (select lower(t.album) as album, lower(t.artist) as artist from Track t "
                    + "where t.album is not null and (:artist is null or lower(t.artist) = :artist) and (:admin = true or t.ownerId = :viewer or t.visibility = dev.encore.library.Visibility.PUBLIC) "
                    + "group by lower(t.album), lower(t.artist))")
    Page<BrowseEntry> albums(@Param("viewer") UUID viewer, @Param("admin") boolean admin,
            @Param("artist") String artist, Pageable pageable);
}
