package dev.encore.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
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

    ProgressEvents(UserNotifications notifications, JsonMapper json) {
        this.notifications = notifications;
        this.json = json;
    }

    /**
     * Opens a stream of {@code id}'s progress.
     *
     * @param owner   whose topic carries the messages
     * @param current reads the current state as a message; called after subscribing, so nothing that
     *                happens in between is missed. What it throws (a 404) closes the subscription and
     *                is thrown on.
     */
    public SseEmitter follow(Kind kind, UUID owner, UUID id, Supplier<Object> current) {
        SseEmitter emitter = new SseEmitter(kind.timeout().toMillis());
        AtomicReference<UserNotifications.Subscription> subscription = new AtomicReference<>();
        subscription.set(notifications.subscribe(owner, kind.topic(), message -> {
            JsonNode node = json.readTree(message);
            if (id.toString().equals(node.path(kind.idField()).asString())) {
                send(kind, emitter, message, node, subscription.get());
            }
        }));
        Runnable unsubscribe = () -> subscription.get().close();
        emitter.onCompletion(unsubscribe);
        emitter.onTimeout(unsubscribe);
        emitter.onError(error -> unsubscribe.run());
        JsonNode now;
        try {
            now = json.valueToTree(current.get()); // one tree: sent as the message and asked whether it is over
        }
        catch (RuntimeException gone) {
            unsubscribe.run();
            throw gone;
        }
        send(kind, emitter, json.writeValueAsString(now), now, subscription.get());
        return emitter;
    }

    private static void send(Kind kind, SseEmitter emitter, String message, JsonNode node,
            UserNotifications.Subscription subscription) {
        try {
            synchronized (emitter) {
                emitter.send(SseEmitter.event().name(kind.event()).data(message, MediaType.APPLICATION_JSON));
                if (kind.finished().test(node)) {
                    emitter.complete();
                }
            }
        }
        catch (IOException | IllegalStateException gone) {
            if (subscription != null) {
                subscription.close();
            }
        }
    }
}
