package dev.encore.library.content;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * What the repositories of tracks, videos and presentations share: what {@link ContentEditing},
 * {@link ContentStorage} and the search rebuild need of them.
 *
 * @param <T> the content
 */
@NoRepositoryBean
public interface ContentRepository<T extends LibraryContent> extends ListCrudRepository<T, UUID> {

    List<T> findByOwnerId(UUID ownerId);

    /** The bytes of an owner's content, for the storage quota. */
    long bytesOf(UUID ownerId);

    /** Whether any content's file (or cover, or slide) is that blob. */
    boolean references(String sha256);

    /**
     * Locks a content's row until the transaction ends ({@code SELECT … FOR UPDATE}). A job writing
     * rows of the content (a video's outputs, a presentation's slides) holds the row until it commits,
     * so {@link ContentEditing} takes this before it reads what a delete will take with the row.
     */
    Optional<UUID> lockRow(UUID id);

    /** A batch in id order, after {@code after} (keyset paging for the search rebuild). */
    List<T> findByIdGreaterThanOrderById(UUID after, Limit limit);
}
