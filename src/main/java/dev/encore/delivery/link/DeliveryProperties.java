package dev.encore.delivery.link;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signed links ({@code encore.delivery.*}).
 *
 * @param linkTtl      how long a signed download link works (at least 1s)
 * @param streamUrlTtl how long a signed stream URL works beyond its content's duration (so a player
 *                     can seek to the end of what it started); 0 or more
 */
@Validated
@ConfigurationProperties("encore.delivery")
public record DeliveryProperties(
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1 second") @DefaultValue("15m") Duration linkTtl,
        @NotNull @DurationMin(message = "must not be negative") @DefaultValue("1h") Duration streamUrlTtl) {
}
