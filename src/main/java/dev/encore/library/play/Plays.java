package dev.encore.library.play;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

public interface Plays extends ListCrudRepository<Play, UUID>, PagingAndSortingRepository<Play, UUID> {

    Page<Play> findByUserId(UUID userId, Pageable pageable);

    @Modifying
    @Query("DELETE FROM plays WHERE user_id = :userId")
    int deleteByUser(UUID userId);
}
