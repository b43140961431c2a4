package dev.encore.library;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Tracks extends JpaRepository<Track, UUID>, JpaSpecificationExecutor<Track> {

    @Query("select coalesce(sum(t.size), 0) from Track t where t.ownerId = :ownerId")
    long bytesOf(@Param("ownerId") UUID ownerId);

    boolean existsBySha256(String sha256);

    List<Track> findByOwnerId(UUID ownerId);

    /** A batch in id order, after {@code after} (keyset paging for the search rebuild). */
    List<Track> findByIdGreaterThanOrderById(UUID after, Limit limit);
}
