package dev.encore.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessagingTemplate;

import tools.jackson.databind.json.JsonMapper;

class TopicFanOutTests {

    private final SimpMessagingTemplate stomp = mock(SimpMessagingTemplate.class);
    private final LocalDelivery local = new LocalDelivery(stomp);
    private final StringRedisTemplate redis = mock(StringRedisTemplate.class);
    private final JsonMapper json = JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    private String delivered(String destination) {
        ArgumentCaptor<Message<?>> message = ArgumentCaptor.forClass(Message.class);
        verify(stomp).send(eq(destination), message.capture());
        return new String((byte[]) message.getValue().getPayload(), StandardCharsets.UTF_8);
    }

    @Test
    void embeddedDeliversToThisNodesBroker() {
        new TopicFanOut(local, null, json).publish("live/room/1", Map.of("type", "state"));
        assertThat(delivered("/topic/live/room/1")).isEqualTo("{\"type\":\"state\"}");
    }

    @Test
    void withRedisEveryNodeDeliversWhatArrivesOnTheChannel() {
        TopicFanOut fanOut = new TopicFanOut(local, redis, json);
        fanOut.publish("live/room/1", Map.of("type", "chat"));
        verify(redis).convertAndSend(TopicFanOut.CHANNEL, "live/room/1 {\"type\":\"chat\"}");
        verify(stomp, never()).send(anyString(), any(Message.class));

        fanOut.onMessage(new DefaultMessage(TopicFanOut.CHANNEL.getBytes(StandardCharsets.UTF_8),
                "live/room/1 {\"type\":\"chat\",\"text\":\"a b\"}".getBytes(StandardCharsets.UTF_8)), null);
        assertThat(delivered("/topic/live/room/1")).isEqualTo("{\"type\":\"chat\",\"text\":\"a b\"}");
    }

    @Test
    void whileRedisIsDownThisNodeStillDelivers() {
        doThrow(new RedisConnectionFailureException("down")).when(redis).convertAndSend(anyString(), anyString());
        new TopicFanOut(local, redis, json).publish("live/room/2", Map.of("type", "state"));
        assertThat(delivered("/topic/live/room/2")).isEqualTo("{\"type\":\"state\"}");
    }

    @Test
    void refusesTopicsThatCouldNotCrossTheChannelAndIgnoresMalformedEnvelopes() {
        TopicFanOut fanOut = new TopicFanOut(local, redis, json);
        assertThatIllegalArgumentException().isThrownBy(() -> fanOut.publish("/topic/x", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> fanOut.publish("a b", "x"));
        fanOut.onMessage(new DefaultMessage(new byte[0], "no-space".getBytes(StandardCharsets.UTF_8)), null);
        verify(stomp, never()).send(anyString(), any(Message.class));
    }
}
