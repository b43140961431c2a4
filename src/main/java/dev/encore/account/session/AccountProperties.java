package dev.encore.account.session;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts ({@code encore.account.*}).
 *
 * @param accessTokenTtl     lifetime of an access token
 * @param sessionLifetime    absolute lifetime of a session (refresh-token family)
 * @param sessionIdleTimeout a session ends when not refreshed for this long
 * @param secureCookie       mark the refresh cookie {@code Secure} (on in the prod profile)
 */
@Validated
@ConfigurationProperties("encore.account")
public record AccountProperties(
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1 second") @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1 second") @DefaultValue("30d") Duration sessionLifetime,
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1 second") @DefaultValue("7d") Duration sessionIdleTimeout,
        @DefaultValue("false") boolean secureCookie) {
}
