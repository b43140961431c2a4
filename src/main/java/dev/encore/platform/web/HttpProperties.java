package dev.encore.platform.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP limits.
 *
 * @param maxJsonBody largest JSON request body accepted; larger ones are answered with 413
 */
@Validated
@ConfigurationProperties("encore.http")
record HttpProperties(@NotNull @DefaultValue("1MB") DataSize maxJsonBody) {
}
