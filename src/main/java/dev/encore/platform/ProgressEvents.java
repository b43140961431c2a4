package dev.encore.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-sent events that follow one thing's progress (an import, a video's or a presentation's
 * processing): the current state first, then every message about it on its owner's
 * {@link UserNotifications} topic (the same messages as on STOMP), closed after the first message
 * that says it is over.
 */
@Component
public class ProgressEvents {

    /**
     * Streams one user may hold open on a node. The web app follows progress over STOMP; a client
     * following every import, video and presentation it has running needs a handful, and browsers
     * open at most six HTTP/1.1 connections to a server anyway.
     */
    static final int STREAMS_PER_USER = 16;

    /**
     * What a kind of progress stream follows.
     *
     * @param topic    the owner's notification topic
     * @param event    the name of the events sent
     * @param idField  the message field that names the thing followed
     * @param finished whether a message is the last one
     * @param timeout  how long a stream may stay open
     */
    public record Kind(String topic, String event, String idField, Predicate<JsonNode> finished, Duration timeout) {
    }

    private final UserNotifications notifications;
    private final JsonMapper json;
    private final StreamHeartbeats heartbeats;
    /**
     * The streams each user holds open here: each keeps a connection, a subscription and its buffers,
     * and one a client abandoned is noticed at its next write, a message or a heartbeat.
     */
    private final CappedCounts<UUID> streams = new CappedCounts<>(STREAMS_PER_USER);

    ProgressEvents(UserNotifications notifications, JsonMapper json, StreamHeartbeats heartbeats) {
        this.notifications = notifications;
        this.json = json;
        this.heartbeats = heartbeats;
    }

    /**
     * Opens a stream of {@code id}'s progress.
     *
     * @param owner   whose topic carries the messages
     * @param current reads the current state as a message; called after subscribing, so nothing that
     *                happens in between is missed, and sent first: messages that came meanwhile follow
     *                it, less any whose {@code progress} is below its own (older than the state read).
     *                What it throws (a 404) closes the subscription and is thrown on.
     * @throws ErrorResponseException 429 {@code too-many-streams} when the owner holds
     *                                {@value #STREAMS_PER_USER} open here
     */
    public SseEmitter follow(Kind kind, UUID owner, UUID id, Supplier<Object> current) {
        if (!streams.take(owner)) {
            throw tooManyStreams();
        }
        SseEmitter emitter = new SseEmitter(kind.timeout().toMillis());
        AtomicReference<UserNotifications.Subscription> subscription = new AtomicReference<>();
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> { // once: the stream finished, timed out, failed or found its client gone
            if (ended.compareAndSet(false, true)) {
                heartbeats.stop(emitter);
                UserNotifications.Subscription subscribed = subscription.get();
                if (subscribed != null) {
                    subscribed.close();
                }
                streams.giveBack(owner);
            }
        };
        // Messages that come while the current state is read wait for it (guarded by the emitter's
        // lock): sent straight away they would reach the client before the state they follow, which
        // would then look like a step back.
        List<Held> held = new ArrayList<>();
        AtomicBoolean started = new AtomicBoolean();
        subscription.set(notifications.subscribe(owner, kind.topic(), message -> {
            JsonNode node = json.readTree(message);
            if (id.toString().equals(node.path(kind.idField()).asString())) {
                synchronized (emitter) {
                    if (started.get()) {
                        send(kind, emitter, message, node, end);
                    }
                    else {
                        held.add(new Held(message, node));
                    }
                }
            }
        }));
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(error -> end.run());
        JsonNode now;
        try {
            now = json.valueToTree(current.get()); // one tree: sent as the message and asked whether it is over
        }
        catch (RuntimeException gone) {
            end.run();
            throw gone;
        }
        synchronized (emitter) {
            send(kind, emitter, json.writeValueAsString(now), now, end);
            int progress = now.path("progress").asInt();
            for (Held message : held) {
                // one that says less than the state just read is older than it; the last word always goes
                if (message.node().path("progress").asInt() >= progress || kind.finished().test(message.node())) {
                    send(kind, emitter, message.text(), message.node(), end);
                }
            }
            started.set(true);
        }
        heartbeats.start(emitter, end);
        if (ended.get()) { // over with its first message, or its client already gone
            heartbeats.stop(emitter);
        }
        return emitter;
    }

    /** A message that came before the current state was sent. */
    private record Held(String text, JsonNode node) {
    }

    /** Sends one message; {@code end} runs after the last one, or when the client is gone. */
    private static void send(Kind kind, SseEmitter emitter, String message, JsonNode node, Runnable end) {
        try {
            synchronized (emitter) {
                emitter.send(SseEmitter.event().name(kind.event()).data(message, MediaType.APPLICATION_JSON));
                if (kind.finished().test(node)) {
                    emitter.complete();
                    end.run();
                }
            }
        }
        catch (IOException | IllegalStateException gone) {
            end.run();
        }
    }

    /** Progress streams {@code owner} holds open on this node. */
    int openStreams(UUID owner) {
        return streams.of(owner);
    }

    private static ErrorResponseException tooManyStreams() {
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many streams", "You have "
                        + STREAMS_PER_USER + " progress streams open; close one before you open another."), null);
        refused.getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
        return refused;
    }
}
