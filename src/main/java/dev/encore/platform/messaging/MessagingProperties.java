package dev.encore.platform.messaging;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Real-time messages to users ({@code encore.messaging.*}).
 *
 * @param fanOut {@code local}: connections are all on this node (embedded); {@code redis}: a
 *               message reaches the user's connections on every node (distributed)
 */
@Validated
@ConfigurationProperties("encore.messaging")
public record MessagingProperties(@NotNull @DefaultValue("local") FanOut fanOut) {

    public enum FanOut {
        LOCAL, REDIS
    }
}
