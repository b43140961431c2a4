package dev.encore.account.recovery;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Password reset ({@code encore.account.password-reset.*}).
 *
 * @param ttl how long a reset link works (it works once)
 */
@Validated
@ConfigurationProperties("encore.account.password-reset")
record PasswordResetProperties(@NotNull @DefaultValue("30m") Duration ttl) {

    PasswordResetProperties {
        if (ttl != null && (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(1)) > 0)) {
            throw new IllegalArgumentException("encore.account.password-reset.ttl must be positive and at most 1d: " + ttl);
        }
    }
}
