package dev.encore.delivery.link;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signed links ({@code encore.delivery.*}).
 *
 * @param linkTtl      how long a signed download link works
 * @param streamUrlTtl how long a signed stream URL works beyond its content's duration (so a player
 *                     can seek to the end of what it started)
 */
@Validated
@ConfigurationProperties("encore.delivery")
public record DeliveryProperties(@NotNull @DefaultValue("15m") Duration linkTtl,
        @NotNull @DefaultValue("1h") Duration streamUrlTtl) {
}
