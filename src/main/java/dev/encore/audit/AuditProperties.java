package dev.encore.audit;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit trail ({@code encore.audit.*}).
 *
 * @param retention how long entries are kept before the daily clean-up deletes them
 */
@Validated
@ConfigurationProperties("encore.audit")
record AuditProperties(@NotNull @DefaultValue("180d") Duration retention) {
}
