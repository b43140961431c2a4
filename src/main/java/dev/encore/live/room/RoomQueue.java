package dev.encore.live.room;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface RoomQueue extends ListCrudRepository<QueueEntry, UUID> {

    List<QueueEntry> findByRoomIdOrderByPosition(UUID roomId);
}
