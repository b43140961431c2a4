package dev.encore.live.room;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoomSuggestions extends JpaRepository<Suggestion, UUID> {

    List<Suggestion> findByRoomIdOrderByCreatedAt(UUID roomId);

    List<Suggestion> findBySuggestedBy(UUID userId);
}
