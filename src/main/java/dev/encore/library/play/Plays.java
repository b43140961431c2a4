package dev.encore.library.play;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Plays extends JpaRepository<Play, UUID> {

    Page<Play> findByUserId(UUID userId, Pageable pageable);

    @Modifying
    @Query("delete from Play p where p.userId = :userId")
    int deleteByUser(@Param("userId") UUID userId);
}
