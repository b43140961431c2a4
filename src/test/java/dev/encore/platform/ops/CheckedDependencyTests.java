package dev.encore.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class CheckedDependencyTests {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        checks.shutdownNow();
    }

    @Test
    void aDependencyWithAFallbackIsDegradedWhenItsCheckSaysDown() {
        CheckedDependency redis = new CheckedDependency("redis", () -> Health.down().withDetail("error", "refused")
                .build(), "local buckets");
        redis.refresh(checks, TIMEOUT);
        assertThat(redis.health().getStatus()).isEqualTo(CheckedDependency.DEGRADED);
        assertThat(redis.health().getDetails()).containsEntry("fallback", "local buckets").containsKey("error");
        assertThat(redis.degraded()).isTrue();
    }

    @Test
    void aDependencyWithoutAFallbackIsDown() {
        CheckedDependency db = new CheckedDependency("db", () -> Health.down().build(), null);
        db.refresh(checks, TIMEOUT);
        assertThat(db.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(db.degraded()).isFalse();
    }

    @Test
    void aCheckThatHangsCountsAsFailedAndIsNotStartedAgainWhileItHangs() {
        AtomicInteger started = new AtomicInteger();
        CheckedDependency db = new CheckedDependency("db", () -> {
            started.incrementAndGet();
            awaitRelease();
            return Health.up().build();
        }, null);
        db.refresh(checks, TIMEOUT);
        assertThat(db.health().getStatus()).isEqualTo(Status.DOWN);
        db.refresh(checks, TIMEOUT);
        assertThat(started).hasValue(1);

        long start = System.nanoTime();
        assertThat(db.health().getStatus()).as("the last result, at once").isEqualTo(Status.DOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);

        release.countDown();
        db.refresh(checks, TIMEOUT);
        assertThat(db.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aCheckThatThrowsIsDownWithoutItsMessage() {
        CheckedDependency db = new CheckedDependency("db", () -> {
            throw new IllegalStateException("password=secret");
        }, null);
        db.refresh(checks, TIMEOUT);
        assertThat(db.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(db.health().getDetails().toString()).doesNotContain("secret");
    }

    private void awaitRelease() {
        try {
            release.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
