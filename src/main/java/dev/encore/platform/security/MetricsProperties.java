package dev.encore.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Size;

/**
 * Metrics scraping ({@code encore.metrics.*}).
 *
 * @param token bearer token a Prometheus scraper presents for {@code /actuator/prometheus}
 *              (at least 24 characters); when unset, only admins can read metrics
 */
@Validated
@ConfigurationProperties("encore.metrics")
record MetricsProperties(@Size(min = 24, message = "must be at least 24 characters") String token) {
}
