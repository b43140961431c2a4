package dev.encore.platform.ratelimit;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits ({@code encore.ratelimit.*}).
 *
 * @param enabled   whether limits are enforced
 * @param store     where buckets live: {@code local} (in-process) or {@code redis} (shared by all
 *                  nodes, falling back to local buckets while Redis is unreachable)
 * @param keyPrefix prefix of the Redis keys holding buckets
 * @param general   the limit every client has on {@code /api/**}
 * @param limits    named limits for routes that need stricter ones; each overrides the built-in
 *                  default of the same name ({@link #DEFAULTS})
 */
@Validated
@ConfigurationProperties("encore.ratelimit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("local") Store store,
        @NotBlank @DefaultValue("encore:ratelimit:") String keyPrefix,
        @Valid @NotNull @DefaultValue Limit general,
        @NotNull @DefaultValue({}) Map<String, @Valid @NotNull Limit> limits) {

    /** The plans' figures: auth 10 per 15 minutes per client and per account, imports 10 per 15
     * minutes per user, playlist and batch imports 3 per hour per user; live chat 10 messages per 10
     * seconds per user; insights reports 20 per 15 minutes per user. Failed checks of a signed-in
     * account's own password or two-factor code
     * (password change, account deletion, two-factor changes) get login's figure: 10 per 15 minutes
     * per account. Registrations: 10 per hour per client address. OIDC sign-in (start, callback, connect):
     * 30 per 15 minutes per client (a sign-in is two requests, and both write). Password reset links:
     * 5 asks per hour per client address, 3 links per hour per account. Database backups made on
     * demand: 5 per hour per admin (each copies the whole database to disk). */
    public static final Map<String, Limit> DEFAULTS = Map.ofEntries(
            Map.entry("auth", new Limit(10, Duration.ofMinutes(15))),
            Map.entry("auth-account", new Limit(10, Duration.ofMinutes(15))),
            Map.entry("backups", new Limit(5, Duration.ofHours(1))),
            Map.entry("credential-checks", new Limit(10, Duration.ofMinutes(15))),
            Map.entry("imports", new Limit(10, Duration.ofMinutes(15))),
            Map.entry("imports-bulk", new Limit(3, Duration.ofHours(1))),
            Map.entry("live-chat", new Limit(10, Duration.ofSeconds(10))),
            Map.entry("oidc", new Limit(30, Duration.ofMinutes(15))),
            Map.entry("password-reset", new Limit(5, Duration.ofHours(1))),
            Map.entry("password-reset-account", new Limit(3, Duration.ofHours(1))),
            Map.entry("registration", new Limit(10, Duration.ofHours(1))),
            Map.entry("reports", new Limit(20, Duration.ofMinutes(15))));

    /** Name of the general limit. */
    public static final String GENERAL = "general";

    /** The limit called {@code name}: configured, else built in. */
    public Limit limit(String name) {
        if (GENERAL.equals(name)) {
            return general;
        }
        Limit limit = limits.getOrDefault(name, DEFAULTS.get(name));
        if (limit == null) {
            throw new IllegalArgumentException("No rate limit named '" + name + "' (encore.ratelimit.limits." + name + ")");
        }
        return limit;
    }

    /** Where buckets live. */
    public enum Store {
        LOCAL, REDIS
    }

    /**
     * A bucket of {@code capacity} requests refilled completely every {@code period}.
     *
     * @param capacity requests allowed per period
     * @param period   length of the window
     */
    public record Limit(@Positive @DefaultValue("1200") long capacity, @NotNull @DefaultValue("15m") Duration period) {

        public Limit {
            if (period != null && (period.isZero() || period.isNegative())) {
                throw new IllegalArgumentException("a rate limit period must be positive, not " + period);
            }
        }
    }
}
