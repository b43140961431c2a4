package dev.encore.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;

/**
 * A stand-in for the listening rooms in tests of the live core: rooms kept in memory, opened by
 * the test with a host and members. Ordered first, so it wins over the real rooms' bean.
 */
public class TestLiveSessions implements LiveSessions, Ordered {

    /** A room: its host, who may join, whether chat is on. */
    public record Room(UUID host, Set<UUID> members, boolean chat) {
    }

    private final Map<UUID, Room> rooms = new ConcurrentHashMap<>();
    private final List<Object> events = new CopyOnWriteArrayList<>();

    /** The {@link LiveJoined} and {@link LiveLeft} events of {@code sessionId} heard so far, in order. */
    public List<Object> events(UUID sessionId) {
        return events.stream().filter(event -> event instanceof LiveJoined joined ? joined.sessionId().equals(sessionId)
                : ((LiveLeft) event).sessionId().equals(sessionId)).toList();
    }

    @EventListener
    void joined(LiveJoined event) {
        events.add(event);
    }

    @EventListener
    void left(LiveLeft event) {
        events.add(event);
    }

    /** Opens a room hosted by {@code host} that {@code members} (and the host) may join; returns its id. */
    public UUID open(String host, String... members) {
        UUID id = UUID.randomUUID();
        Set<UUID> all = ConcurrentHashMap.newKeySet();
        all.add(UUID.fromString(host));
        for (String member : members) {
            all.add(UUID.fromString(member));
        }
        rooms.put(id, new Room(UUID.fromString(host), all, true));
        return id;
    }

    /** Turns the room's chat off. */
    public void closeChat(UUID id) {
        rooms.computeIfPresent(id, (key, room) -> new Room(room.host(), room.members(), false));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public LiveKind kind() {
        return LiveKind.ROOM;
    }

    @Override
    public boolean mayJoin(UUID userId, UUID sessionId) {
        Room room = rooms.get(sessionId);
        return room != null && room.members().contains(userId);
    }

    @Override
    public boolean mayModerate(UUID userId, UUID sessionId) {
        Room room = rooms.get(sessionId);
        return room != null && room.host().equals(userId);
    }

    @Override
    public boolean chatEnabled(UUID sessionId) {
        Room room = rooms.get(sessionId);
        return room != null && room.chat();
    }

    @Override
    public Object snapshot(UUID sessionId, UUID forUser) {
        Room room = rooms.get(sessionId);
        return room == null ? null : Map.of("hostId", room.host(), "forUser", forUser);
    }

    /** Registers the stand-in. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        TestLiveSessions testLiveSessions() {
            return new TestLiveSessions();
        }
    }
}
