package dev.encore.platform.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Background health checks of the services a node depends on ({@code encore.health.*}).
 *
 * @param checkInterval how often each dependency (database, Redis, RabbitMQ) is checked; probes
 *                      read the last result, so they answer at once whatever hangs behind them
 * @param checkTimeout  a check with no answer in this time counts as a failed one
 * @param jobServerCheckInterval how often the node looks whether its JobRunr server has stopped by
 *                      itself (a failed heartbeat on a full disk) and starts it again
 */
@Validated
@ConfigurationProperties("encore.health")
record HealthProperties(@NotNull @DefaultValue("2s") Duration checkInterval,
        @NotNull @DefaultValue("5s") Duration checkTimeout,
        @NotNull @DefaultValue("15s") Duration jobServerCheckInterval) {
}
