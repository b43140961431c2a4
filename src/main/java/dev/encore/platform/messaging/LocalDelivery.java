package dev.encore.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import dev.encore.platform.UserNotifications;

/**
 * Hands a message to this node's connections: STOMP sessions of the user and local subscribers, or
 * the subscribers of a topic.
 */
class LocalDelivery {

    private static final Logger log = LoggerFactory.getLogger(LocalDelivery.class);

    private final SimpMessagingTemplate stomp;
    private final Map<String, Set<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

    LocalDelivery(SimpMessagingTemplate stomp) {
        this.stomp = stomp;
    }

    /** To the subscribers of {@code /topic/<topic>} on this node. */
    void broadcast(String topic, String json) {
        stomp.send("/topic/" + topic, jsonMessage(json));
    }

    void deliver(UUID userId, String topic, String json) {
        stomp.send("/user/" + userId + "/queue/" + topic, jsonMessage(json));
        for (Consumer<String> subscriber : subscribers.getOrDefault(key(userId, topic), Set.of())) {
            try {
                subscriber.accept(json);
            }
            catch (RuntimeException ex) {
                log.debug("A subscriber of {} failed: {}", topic, ex.getMessage());
            }
        }
    }

    UserNotifications.Subscription subscribe(UUID userId, String topic, Consumer<String> json) {
        String key = key(userId, topic);
        subscribers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(json);
        return () -> subscribers.computeIfPresent(key, (k, set) -> {
            set.remove(json);
            return set.isEmpty() ? null : set;
        });
    }

    /** Bytes with an explicit content type: no converter second-guesses the JSON. */
    private static Message<byte[]> jsonMessage(String json) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(json.getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders());
    }

    private static String key(UUID userId, String topic) {
        return userId + "/" + topic;
    }
}
