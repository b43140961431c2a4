package dev.encore.platform.messaging;

import java.util.UUID;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

import dev.encore.platform.UserNotifications;

/** Embedded mode: every connection is on this node. */
class LocalUserNotifications implements UserNotifications {

    private final LocalDelivery delivery;
    private final JsonMapper json;

    LocalUserNotifications(LocalDelivery delivery, JsonMapper json) {
        this.delivery = delivery;
        this.json = json;
    }

    @Override
    public void send(UUID userId, String topic, Object payload) {
        delivery.deliver(userId, topic, json.writeValueAsString(payload));
    }

    @Override
    public Subscription subscribe(UUID userId, String topic, Consumer<String> listener) {
        return delivery.subscribe(userId, topic, listener);
    }
}
