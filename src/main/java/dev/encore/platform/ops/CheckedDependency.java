package dev.encore.platform.ops;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A dependency's health indicator checked in the background: {@link #health()} answers the last
 * result at once. A check that does not answer within the timeout counts as DOWN (and is not
 * started again while it hangs). A dependency with a working fallback is DEGRADED instead of DOWN:
 * the node still serves. Each change is logged once: WARN when it fails, INFO when it is back.
 */
final class CheckedDependency implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Unreachable; the node serves with a fallback");

    private static final Logger log = LoggerFactory.getLogger(CheckedDependency.class);

    private final String name;
    private final HealthIndicator delegate;
    private final String fallback;
    private volatile Health last = Health.unknown().build();
    private CompletableFuture<Health> running;

    /** {@code fallback} says what the node does without it; {@code null} when it cannot serve without. */
    CheckedDependency(String name, HealthIndicator delegate, String fallback) {
        this.name = name;
        this.delegate = delegate;
        this.fallback = fallback;
    }

    @Override
    public Health health() {
        return last;
    }

    boolean degraded() {
        return DEGRADED.equals(last.getStatus());
    }

    boolean hasFallback() {
        return fallback != null;
    }

    /** Checks the dependency (reusing a check that still hangs) and keeps the result. */
    synchronized void refresh(Executor checks, Duration timeout) {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(delegate::health, checks);
        }
        Health health;
        try {
            health = running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            health = Health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
        }
        catch (ExecutionException ex) {
            health = Health.down().withDetail("error", ex.getCause().getClass().getSimpleName()).build();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        publish(withFallback(health));
    }

    private Health withFallback(Health health) {
        boolean failing = Status.DOWN.equals(health.getStatus()) || Status.OUT_OF_SERVICE.equals(health.getStatus());
        if (fallback == null || !failing) {
            return health;
        }
        return Health.status(DEGRADED).withDetails(health.getDetails()).withDetail("fallback", fallback).build();
    }

    private void publish(Health health) {
        Status before = last.getStatus();
        last = health;
        Status now = health.getStatus();
        if (now.equals(before)) {
            return;
        }
        if (DEGRADED.equals(now)) {
            log.warn("Health check: {} is unreachable; the node keeps serving: {}", name, fallback);
        }
        else if (!Status.UP.equals(now)) {
            log.warn("Health check: {} is {} ({}); readiness fails until it is back", name, now.getCode(),
                    health.getDetails().getOrDefault("error", "no detail"));
        }
        else if (!Status.UNKNOWN.equals(before)) {
            log.info("Health check: {} is back", name);
        }
    }
}
