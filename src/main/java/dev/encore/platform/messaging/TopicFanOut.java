package dev.encore.platform.messaging;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.json.JsonMapper;

import dev.encore.platform.TopicMessages;

/**
 * Topic messages to this node's broker, and with Redis ({@code redis} not null) through the channel
 * {@value #CHANNEL} to every node's broker. The JSON is made once, on the publishing node.
 */
class TopicFanOut implements TopicMessages, MessageListener {

    static final String CHANNEL = "encore:topic-messages";

    private static final Logger log = LoggerFactory.getLogger(TopicFanOut.class);

    private final LocalDelivery local;
    private final StringRedisTemplate redis;
    private final JsonMapper json;

    TopicFanOut(LocalDelivery local, StringRedisTemplate redis, JsonMapper json) {
        this.local = local;
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void publish(String topic, Object payload) {
        if (topic.isEmpty() || topic.startsWith("/") || topic.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("A topic is a path below /topic/ without spaces: " + topic);
        }
        String body = json.writeValueAsString(payload);
        if (redis == null) {
            local.broadcast(topic, body);
            return;
        }
        try {
            // envelope: "<topic> <json>"; topics never contain spaces
            redis.convertAndSend(CHANNEL, topic + " " + body);
        }
        catch (RuntimeException ex) {
            log.warn("Redis is unreachable; delivering /topic/{} on this node only: {}", topic, ex.getMessage());
            local.broadcast(topic, body);
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String envelope = new String(message.getBody(), StandardCharsets.UTF_8);
        int space = envelope.indexOf(' ');
        if (space <= 0) {
            log.debug("Ignored a malformed topic message");
            return;
        }
        local.broadcast(envelope.substring(0, space), envelope.substring(space + 1));
    }
}
