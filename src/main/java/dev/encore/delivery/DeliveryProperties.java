package dev.encore.delivery;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Downloads ({@code encore.delivery.*}).
 *
 * @param linkTtl how long a signed download link works
 */
@Validated
@ConfigurationProperties("encore.delivery")
public record DeliveryProperties(@NotNull @DefaultValue("15m") Duration linkTtl) {
}
