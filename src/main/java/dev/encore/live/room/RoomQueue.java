package dev.encore.live.room;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoomQueue extends JpaRepository<QueueEntry, UUID> {

    List<QueueEntry> findByRoomIdOrderByPosition(UUID roomId);
}
