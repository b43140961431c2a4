package dev.encore.live.room;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RoomSuggestions extends ListCrudRepository<Suggestion, UUID> {

    List<Suggestion> findByRoomIdOrderByCreatedAt(UUID roomId);

    @Modifying
    @Query("DELETE FROM room_suggestions WHERE suggested_by = :userId")
    int deleteSuggestedBy(UUID userId);
}
