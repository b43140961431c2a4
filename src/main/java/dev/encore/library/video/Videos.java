package dev.encore.library.video;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Videos extends JpaRepository<Video, UUID>, JpaSpecificationExecutor<Video> {

    @Query("select coalesce(sum(v.size), 0) from Video v where v.ownerId = :ownerId")
    long bytesOf(@Param("ownerId") UUID ownerId);

    boolean existsBySha256(String sha256);

    List<Video> findByOwnerId(UUID ownerId);

    /** A batch in id order, after {@code after} (keyset paging for the search rebuild). */
    List<Video> findByIdGreaterThanOrderById(UUID after, Limit limit);
}
