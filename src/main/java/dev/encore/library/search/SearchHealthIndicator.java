package dev.encore.library.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code search}: UP while the engine answers; DEGRADED while search answers from
 * the database (index missing, broken or being rebuilt). Readiness stays 200: search still works.
 */
@Component("search")
class SearchHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Search answers from the database");

    private final LibrarySearch search;

    SearchHealthIndicator(LibrarySearch search) {
        this.search = search;
    }

    @Override
    public Health health() {
        String reason = search.degradedReason();
        Health.Builder health = reason == null ? Health.up() : Health.status(DEGRADED).withDetail("reason", reason);
        return health.withDetail("engine", search.engineName()).withDetail("rebuilding", search.rebuilding()).build();
    }
}
