package dev.encore.live.room;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import dev.encore.support.StompTestClient;

/**
 * One member's STOMP connection to a room ({@link StompTestClient}), subscribed to the room's topic;
 * waits for the snapshot a joiner gets first.
 */
final class RoomClient implements AutoCloseable {

    private static final long WAIT_MS = 10_000;

    private final StompTestClient stomp;
    final BlockingQueue<JsonNode> topic;
    final BlockingQueue<JsonNode> errors;
    final BlockingQueue<JsonNode> live;
    private final List<JsonNode> seen = new CopyOnWriteArrayList<>();

    private RoomClient(StompTestClient stomp, String roomId) {
        this.stomp = stomp;
        this.errors = stomp.queue("/user/queue/errors");
        this.live = stomp.queue("/user/queue/live");
        this.topic = stomp.subscribe("/topic/live/room/" + roomId);
    }

    /** Connects with {@code accessToken}, subscribes to the room's topic and waits for its snapshot (kept in {@link #live}). */
    static RoomClient join(int port, String accessToken, String roomId) throws Exception {
        RoomClient room = new RoomClient(StompTestClient.connect(port, accessToken), roomId);
        JsonNode snapshot = room.live.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        if (snapshot == null || !snapshot.path("type").asString().equals("snapshot")) {
            throw new AssertionError("no snapshot for room " + roomId + ": " + snapshot + ", errors " + room.errors);
        }
        room.live.add(snapshot);
        return room;
    }

    /** Subscribes to the room's topic again (after the server ended it); messages go on to {@link #topic}. */
    void resubscribe(String roomId) {
        stomp.subscribe("/topic/live/room/" + roomId);
    }

    /** SENDs {@code json} to {@code /app/live/room/<id>/<command>}. */
    void send(String roomId, String command, String json) {
        stomp.send("/app/live/room/" + roomId + "/" + command, json);
    }

    /** The next topic message of {@code type} whose data matches (others before it are skipped). */
    JsonNode next(String type, Predicate<JsonNode> data) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (System.nanoTime() < deadline) {
            JsonNode message = topic.poll(100, TimeUnit.MILLISECONDS);
            if (message != null) {
                seen.add(message);
                if (message.path("type").asString().equals(type) && data.test(message.path("data"))) {
                    return message;
                }
            }
        }
        throw new AssertionError("no " + type + " message; saw " + seen);
    }

    JsonNode next(String type) throws InterruptedException {
        return next(type, data -> true);
    }

    /** The next message on {@code /user/queue/errors}. */
    JsonNode error() throws InterruptedException {
        JsonNode error = errors.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        if (error == null) {
            throw new AssertionError("no error message");
        }
        return error;
    }

    /**
     * The next error that answers a command. A {@code live-access-ended} is skipped: the periodic access
     * recheck sends it on its own schedule to someone who has just lost access, so it may come first.
     */
    JsonNode refusal() throws InterruptedException {
        JsonNode error = error();
        return error.path("type").asString().equals("live-access-ended") ? error() : error;
    }

    @Override
    public void close() {
        stomp.close();
    }
}
