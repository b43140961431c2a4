package dev.encore.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenditionCacheTests {

    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private Duration step = Duration.ofMinutes(2);

    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plus(step); // every use is later than the one before

            return now;
        }
    };

    @Test
    void evictsTheLeastRecentlyUsedRenditionsToStayWithinItsSize() throws Exception {
        RenditionCache cache = new RenditionCache(dir, 250, clock);
        cache.admit(part(cache, "a"), "a");
        cache.admit(part(cache, "b"), "b");
        assertThat(cache.find("a")).as("a used after b").isPresent();

        cache.admit(part(cache, "c"), "c");

        assertThat(Files.exists(dir.resolve("b"))).as("least recently used goes").isFalse();
        assertThat(cache.find("a")).isPresent();
        assertThat(cache.find("c")).isPresent();
        assertThat(cache.find("b")).isEmpty();
    }

    @Test
    void keepsTheNewRenditionEvenWhenItAloneIsTooLarge() throws Exception {
        RenditionCache cache = new RenditionCache(dir, 50, clock);
        cache.admit(part(cache, "old"), "old");
        Path fresh = cache.admit(part(cache, "new"), "new");
        assertThat(fresh).exists();
        assertThat(dir.resolve("old")).doesNotExist();
    }

    @Test
    void unfinishedWorkIsNeitherFoundNorCounted() throws Exception {
        RenditionCache cache = new RenditionCache(dir, 150, clock);
        Path scratch = part(cache, "x");
        assertThat(cache.find("x")).isEmpty();
        cache.admit(part(cache, "y"), "y");
        assertThat(scratch).as("in .work, not evicted").exists();
    }

    @Test
    void aRenditionUsedWithinTheLastMinuteIsNotEvicted() throws Exception {
        step = Duration.ofSeconds(1); // the connector may be about to send it by name
        RenditionCache cache = new RenditionCache(dir, 150, clock);
        cache.admit(part(cache, "playing"), "playing");
        cache.admit(part(cache, "next"), "next");
        assertThat(dir.resolve("playing")).exists();
        step = RenditionCache.IN_USE.plusSeconds(1);
        cache.admit(part(cache, "later"), "later");
        assertThat(dir.resolve("playing")).doesNotExist();
    }

    private static Path part(RenditionCache cache, String name) throws Exception {
        return Files.write(cache.scratch(name), new byte[100]);
    }
}
