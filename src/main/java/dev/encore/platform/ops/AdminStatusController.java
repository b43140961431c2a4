package dev.encore.platform.ops;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.platform.BlobStore;
import dev.encore.platform.spi.StatusSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The admin status page's data in one answer: the readiness components with their details (what
 * {@code /readyz} aggregates), the versions of the tools the modules run, their queues, and what
 * the blob store holds beside the data disk's free space.
 */
@Tag(name = "admin", description = "User administration (admins only)")
@PreAuthorize("hasRole('ADMIN')")
@RestController
class AdminStatusController {

    private static final String READINESS = "readiness";

    /**
     * Details an indicator may carry that this answer never shows: where the data lives on the
     * server's disk, and the text of a failure (driver or client messages; the logs have them).
     */
    private static final Set<String> INTERNAL_DETAILS = Set.of("path", "error", "exception", "message");

    private final HealthEndpoint health;
    private final List<StatusSource> sources;
    private final BlobStore blobs;
    private final JobServerWatch jobServer;
    private final Clock clock;

    AdminStatusController(HealthEndpoint health, List<StatusSource> sources, BlobStore blobs, JobServerWatch jobServer,
            Clock clock) {
        this.health = health;
        this.jobServer = jobServer;
        this.sources = sources;
        this.blobs = blobs;
        this.clock = clock;
    }

    /**
     * This node's status.
     *
     * @param status     the readiness status: UP, DEGRADED (imports refused), DOWN or OUT_OF_SERVICE
     * @param components each readiness component (db, diskSpace, ingest, search, …) by name
     * @param tools      program → version; a missing program has none
     * @param queues     queue (imports) → waiting and running jobs, cluster-wide
     * @param storage    what the blob store holds; null when it could not be listed
     * @param backgroundJobs this node's JobRunr server: whether it runs jobs (imports, video and
     *                   presentation processing, expiry, housekeeping); not part of readiness
     * @param checkedAt  when this was put together
     */
    record AdminStatus(String status, List<Component> components, Map<String, String> tools,
            Map<String, StatusSource.Queue> queues, Storage storage, JobServerWatch.State backgroundJobs,
            Instant checkedAt) {
    }

    /**
     * A readiness component.
     *
     * @param name    as in the health endpoint
     * @param status  UP, DEGRADED, DOWN, OUT_OF_SERVICE or UNKNOWN
     * @param details what the component tells (versions, free space, the engine in use, …)
     */
    record Component(String name, String status, Map<String, Object> details) {
    }

    /**
     * @param blobs         stored files (each distinct content once)
     * @param bytes         their bytes
     * @param diskFreeBytes free space on the data directory's disk (local storage), else null
     * @param diskTotalBytes size of that disk, else null
     */
    record Storage(long blobs, long bytes, Long diskFreeBytes, Long diskTotalBytes) {
    }

    @Operation(summary = "Show this node's status", description = "Readiness components with their details, tool "
            + "versions (yt-dlp, ffmpeg, ffprobe), the import queue, the storage used and whether background jobs run. Admins only.")
    @GetMapping("/api/v1/admin/status")
    AdminStatus status() {
        HealthDescriptor readiness = health.healthForPath(READINESS);
        List<Component> components = new ArrayList<>();
        if (readiness instanceof CompositeHealthDescriptor composite) {
            composite.getComponents().forEach((name, component) -> components.add(new Component(name,
                    component.getStatus().getCode(), component instanceof IndicatedHealthDescriptor indicated
                            && indicated.getDetails() != null ? shown(indicated.getDetails()) : Map.of())));
        }
        Map<String, String> tools = new TreeMap<>();
        Map<String, StatusSource.Queue> queues = new TreeMap<>();
        sources.forEach(source -> {
            tools.putAll(source.toolVersions());
            queues.putAll(source.queues());
        });
        Map<String, Object> disk = components.stream().filter(component -> component.name().equals("diskSpace"))
                .findFirst().map(Component::details).orElse(Map.of());
        return new AdminStatus(readiness.getStatus().getCode(), components, tools, queues, storage(disk),
                jobServer.state(), clock.instant());
    }

    private Storage storage(Map<String, Object> disk) {
        try {
            BlobStore.Usage usage = blobs.usage();
            return new Storage(usage.blobs(), usage.bytes(), bytes(disk.get("free")), bytes(disk.get("total")));
        }
        catch (IOException unreachable) {
            return null;
        }
    }

    private static Map<String, Object> shown(Map<String, Object> details) {
        Map<String, Object> shown = new TreeMap<>(details);
        shown.keySet().removeAll(INTERNAL_DETAILS);
        return shown;
    }

    private static Long bytes(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }
}
