package dev.encore.platform.messaging;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.concurrent.ConcurrentTaskExecutor;

import tools.jackson.databind.json.JsonMapper;

import dev.encore.platform.UserNotifications;

/** Chooses how user notifications and topic messages reach other nodes ({@code encore.messaging.fan-out}). */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    LocalDelivery localDelivery(SimpMessagingTemplate stomp) {
        return new LocalDelivery(stomp);
    }

    @Bean
    UserNotifications userNotifications(MessagingProperties properties, LocalDelivery delivery, JsonMapper json,
            ObjectProvider<StringRedisTemplate> redis, ObjectProvider<RedisConnectionFactory> connections) {
        if (properties.fanOut() == MessagingProperties.FanOut.LOCAL) {
            return new LocalUserNotifications(delivery, json);
        }
        StringRedisTemplate template = redis.getIfAvailable();
        RedisConnectionFactory factory = connections.getIfAvailable();
        if (template == null || factory == null) {
            throw new IllegalStateException("encore.messaging.fan-out=redis needs Redis (spring.data.redis.*), "
                    + "which is configured in the distributed profile");
        }
        return new RedisUserNotifications(delivery, template, json);
    }

    @Bean
    TopicFanOut topicMessages(MessagingProperties properties, LocalDelivery delivery, JsonMapper json,
            ObjectProvider<StringRedisTemplate> redis) {
        StringRedisTemplate template = properties.fanOut() == MessagingProperties.FanOut.REDIS ? redis.getIfAvailable() : null;
        if (properties.fanOut() == MessagingProperties.FanOut.REDIS && template == null) {
            throw new IllegalStateException("encore.messaging.fan-out=redis needs Redis (spring.data.redis.*)");
        }
        return new TopicFanOut(delivery, template, json);
    }

    /** Listens on the notification channel; only with Redis fan-out. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "encore.messaging.fan-out", havingValue = "redis")
    static class RedisFanOut {

        /**
         * One thread hands every received message on, in the order Redis delivered them: the
         * container's default executor starts a thread per message, which let a room's {@code queue}
         * overtake the {@code state} published before it. (Not a bean of its own: an executor bean
         * would replace Spring Boot's application task executor.)
         */
        @Bean
        RedisMessageListenerContainer userNotificationListener(UserNotifications notifications, TopicFanOut topics,
                RedisConnectionFactory connections) {
            ExecutorService inOrder = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fan-out").daemon()
                    .factory());
            RedisMessageListenerContainer container = new RedisMessageListenerContainer() {
                @Override
                public void destroy() throws Exception {
                    try {
                        super.destroy();
                    }
                    finally {
                        inOrder.shutdownNow();
                    }
                }
            };
            container.setConnectionFactory(connections);
            container.setTaskExecutor(new ConcurrentTaskExecutor(inOrder));
            // the subscription itself would otherwise run on (and could hold) that one thread
            container.setSubscriptionExecutor(new SimpleAsyncTaskExecutor("fan-out-subscription-"));
            container.addMessageListener((RedisUserNotifications) notifications,
                    new ChannelTopic(RedisUserNotifications.CHANNEL));
            container.addMessageListener(topics, new ChannelTopic(TopicFanOut.CHANNEL));
            return container;
        }
    }
}
