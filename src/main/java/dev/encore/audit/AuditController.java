package dev.encore.audit;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;
import dev.encore.platform.StorableInstant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "admin", description = "User administration (admins only)")
@PreAuthorize("hasRole('ADMIN')")
@RestController
@RequestMapping("/api/v1/admin/audit")
class AuditController {

    private static final Set<String> SORTABLE = Set.of("occurredAt", "type");

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @Operation(summary = "Search the audit trail", description = "Filter by actor and target (user ids), type "
            + "(e.g. login.failed) and time range [from, to); newest first.")
    @GetMapping
    PageResponse<AuditLog.Entry> search(
            @RequestParam(required = false) @Size(max = 64) String actor,
            @RequestParam(required = false) @Size(max = 64) String target,
            @RequestParam(required = false) @Pattern(regexp = "[a-z.-]{1,64}", message = "must be an event type such as login.failed") String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant to,
            @Valid PageQuery page) {
        return log.search(new AuditLog.Filter(actor, target, type, from, to),
                page.toPageable(SORTABLE, Sort.by("occurredAt").descending()));
    }
}
