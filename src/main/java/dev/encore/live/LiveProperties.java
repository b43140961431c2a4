package dev.encore.live;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Live sessions ({@code encore.live.*}).
 *
 * @param chatRetention     how long chat messages are kept
 * @param chatMaxLength     most characters in a chat message after trimming
 * @param roomIdleTimeout   an empty room closes after this long
 * @param memberGrace       a room member with no live connection this long leaves the room
 * @param presenterGrace    a presenter session whose presenter has no connection this long ends
 * @param presenceHeartbeat how often a node refreshes its presence rows; rows older than three
 *                          heartbeats are swept
 * @param accessRecheck     how often a node checks that each subscriber to a session may still join it
 *                          (a member who left, content made private); one who may not loses the
 *                          subscription
 * @param maxFrameSize      largest inbound STOMP frame; a larger one closes that connection
 * @param clockResync       how often clients should re-run clock sync (advertised to clients)
 * @param maxListenersCap   the largest {@code maxListeners} a room may have (the rule is 2–100; a
 *                          benchmark raises it)
 * @param connectTimeout    a WebSocket connection without a valid STOMP CONNECT this long after its
 *                          handshake is closed (read by {@code platform.messaging}, like maxFrameSize)
 * @param maxConnectionsPerAddress WebSocket connections one client address (an IPv6 one with its /64)
 *                          may hold on a node; the next handshake is refused with 429
 * @param maxConnections    WebSocket connections a node holds in all; the next handshake is refused
 *                          with 503 (read by {@code platform.messaging}, like maxFrameSize)
 */
@Validated
@ConfigurationProperties("encore.live")
public record LiveProperties(
        @NotNull @DefaultValue("30d") Duration chatRetention,
        @Min(1) @Max(2000) @DefaultValue("500") int chatMaxLength,
        @NotNull @DefaultValue("5m") Duration roomIdleTimeout,
        @NotNull @DefaultValue("2m") Duration memberGrace,
        @NotNull @DefaultValue("2m") Duration presenterGrace,
        @NotNull @DefaultValue("15s") Duration presenceHeartbeat,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100 ms") @DefaultValue("5s") Duration accessRecheck,
        @NotNull @DefaultValue("16KB") DataSize maxFrameSize,
        @NotNull @DefaultValue("30s") Duration clockResync,
        @Min(2) @Max(100000) @DefaultValue("100") int maxListenersCap,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @Min(1) @DefaultValue("64") int maxConnectionsPerAddress,
        @Min(1) @DefaultValue("500") int maxConnections) {
}
