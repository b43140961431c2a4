package dev.encore.platform.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.stereotype.Component;

/**
 * Probes answer within a second whatever hangs behind them: the health indicators of the services
 * a node depends on over the network are replaced, in the health registry, by {@link
 * CheckedDependency} checks run in the background every {@code encore.health.check-interval}, each
 * bounded by {@code encore.health.check-timeout}; {@code /readyz} reads their last results. The
 * database is needed to serve (DOWN: readiness 503). Redis has a working fallback (local rate-limit
 * buckets, the node's own token revocations, local fan-out), and nothing is carried over RabbitMQ
 * yet: they make readiness DEGRADED (still 200), counted in {@code encore_dependency_degraded}.
 * <p>
 * The background checks are a lifecycle of the earliest phase to stop: at shutdown they end before
 * the connection factories they probe are stopped, instead of reporting a stopping node's own
 * clients as outages.
 */
@Component
class DependencyHealthChecks implements SmartInitializingSingleton, SmartLifecycle, DisposableBean {

    /** Components that are replaced by background checks, with the fallback of those the node can serve without. */
    private static final Map<String, String> DEPENDENCIES = dependencies();

    private static final Logger log = LoggerFactory.getLogger(DependencyHealthChecks.class);

    private final HealthContributorRegistry registry;
    private final MeterRegistry meters;
    private final HealthProperties properties;
    private final List<CheckedDependency> checked = new ArrayList<>();
    private final ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor();
    /** One thread per dependency, while running: a check that hangs delays no other. */
    private ScheduledExecutorService schedule;

    DependencyHealthChecks(HealthContributorRegistry registry, MeterRegistry meters, HealthProperties properties) {
        this.registry = registry;
        this.meters = meters;
        this.properties = properties;
    }

    private static Map<String, String> dependencies() {
        Map<String, String> dependencies = new LinkedHashMap<>();
        dependencies.put("db", null);
        dependencies.put("redis", "rate limits in local buckets, token revocations of this node only, "
                + "progress messages to users connected to this node");
        dependencies.put("rabbit", "nothing is carried over RabbitMQ yet");
        return dependencies;
    }

    @Override
    public void afterSingletonsInstantiated() {
        DEPENDENCIES.forEach((name, fallback) -> {
            HealthContributor contributor = registry.getContributor(name);
            if (contributor instanceof HealthIndicator indicator) {
                CheckedDependency dependency = new CheckedDependency(name, indicator, fallback);
                registry.unregisterContributor(name);
                registry.registerContributor(name, dependency);
                if (dependency.hasFallback()) {
                    Gauge.builder("encore.dependency.degraded", dependency, d -> d.degraded() ? 1 : 0)
                            .description("1 while a dependency is unreachable and the node serves with its fallback")
                            .tag("dependency", name).register(meters);
                }
                checked.add(dependency);
            }
        });
        // the first results before the node accepts traffic; then in the background, from start()
        checked.stream().map(dependency -> CompletableFuture.runAsync(() -> refresh(dependency), checks)).toList()
                .forEach(CompletableFuture::join);
    }

    /** Also after a stop: a test's cached context is stopped while unused and started again. */
    @Override
    public synchronized void start() {
        schedule = Executors.newScheduledThreadPool(DEPENDENCIES.size(),
                Thread.ofPlatform().daemon().name("encore-health-", 0).factory());
        long interval = properties.checkInterval().toMillis();
        checked.forEach(dependency -> schedule.scheduleWithFixedDelay(() -> refresh(dependency), interval, interval,
                TimeUnit.MILLISECONDS));
    }

    private void refresh(CheckedDependency dependency) {
        try {
            dependency.refresh(checks, properties.checkTimeout());
        }
        catch (RuntimeException ex) {
            // a task that throws is never scheduled again: the check must outlive a surprise
            log.warn("A health check failed unexpectedly ({}); it runs again at the next interval",
                    ex.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }

    @Override
    public void destroy() {
        stop();
        checks.shutdownNow();
    }

    /** Stops first (the highest phase), before the web server's graceful shutdown and every client. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
