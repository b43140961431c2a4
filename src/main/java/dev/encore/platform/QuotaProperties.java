package dev.encore.platform;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Per-user limits ({@code encore.quota.*}).
 *
 * @param defaultBytes storage each user may fill with live content (imports and library); 0 or more
 */
@Validated
@ConfigurationProperties("encore.quota")
public record QuotaProperties(
        @NotNull @DataSizeMin(bytes = 0, message = "must not be negative") @DefaultValue("10GB") DataSize defaultBytes) {
}
