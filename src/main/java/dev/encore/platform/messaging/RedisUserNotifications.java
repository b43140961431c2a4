package dev.encore.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;

import dev.encore.platform.UserNotifications;

/**
 * Distributed mode: a message is published on a Redis channel and every node (this one
 * included) delivers it to the connections it holds. Redis pub/sub is fire-and-forget, which is
 * what progress needs: a client that misses a message reads the current state with a GET.
 */
class RedisUserNotifications implements UserNotifications, MessageListener {

    static final String CHANNEL = "encore:user-notifications";

    private static final Logger log = LoggerFactory.getLogger(RedisUserNotifications.class);

    private final LocalDelivery delivery;
    private final StringRedisTemplate redis;
    private final JsonMapper json;

    RedisUserNotifications(LocalDelivery delivery, StringRedisTemplate redis, JsonMapper json) {
        this.delivery = delivery;
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void send(UUID userId, String topic, Object payload) {
        String body = json.writeValueAsString(payload);
        try {
            // envelope: "<user> <topic> <json>"; user ids and topics never contain spaces
            redis.convertAndSend(CHANNEL, userId + " " + topic + " " + body);
        }
        catch (RuntimeException ex) {
            log.warn("Redis is unreachable; delivering {} on this node only: {}", topic, ex.getMessage());
            delivery.deliver(userId, topic, body);
        }
    }

    @Override
    public Subscription subscribe(UUID userId, String topic, Consumer<String> listener) {
        return delivery.subscribe(userId, topic, listener);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String envelope = new String(message.getBody(), StandardCharsets.UTF_8);
        String[] parts = envelope.split(" ", 3);
        if (parts.length != 3) {
            return;
        }
        try {
            delivery.deliver(UUID.fromString(parts[0]), parts[1], parts[2]);
        }
        catch (IllegalArgumentException malformed) {
            log.debug("Ignored a malformed notification");
        }
    }
}
