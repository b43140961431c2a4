package dev.encore.library.content;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.query.Param;

/**
 * What the repositories of tracks and videos share: what {@link ContentEditing} and
 * {@link ContentStorage} need of them.
 *
 * @param <T> the content
 */
@NoRepositoryBean
public interface ContentRepository<T extends LibraryContent> extends JpaRepository<T, UUID>,
        JpaSpecificationExecutor<T> {

    List<T> findByOwnerId(UUID ownerId);

    /** The bytes of an owner's content, for the storage quota. */
    @Query("select coalesce(sum(c.size), 0) from #{#entityName} c where c.ownerId = :ownerId")
    long bytesOf(@Param("ownerId") UUID ownerId);

    /** Whether any content's file (or cover) is that blob. */
    boolean references(String sha256);

    /** A batch in id order, after {@code after} (keyset paging for the search rebuild). */
    List<T> findByIdGreaterThanOrderById(UUID after, Limit limit);
}
