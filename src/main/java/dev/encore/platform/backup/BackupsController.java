package dev.encore.platform.backup;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.platform.Problems;
import dev.encore.platform.RateLimited;

/**
 * Backups of the embedded database for admins: make one now, list them, download one (to keep it
 * off the machine). With PostgreSQL these answer 409 {@code backups-external}: pg_dump does it.
 */
@Tag(name = "admin", description = "User administration (admins only)")
@PreAuthorize("hasRole('ADMIN')")
@RestController
@RequestMapping("/api/v1/admin/backups")
class BackupsController {

    private final Backups backups;
    private final DatabaseBackups database;

    BackupsController(Backups backups, DatabaseBackups database) {
        this.backups = backups;
        this.database = database;
    }

    /** @param items the backups there are, newest first */
    record BackupList(List<DatabaseBackups.DatabaseBackup> items) {
    }

    @Operation(summary = "List the database backups", description = "Newest first; the newest encore.backup.keep are "
            + "kept. Embedded database only.")
    @ApiResponse(responseCode = "200", description = "The backups")
    @ApiResponse(responseCode = "409", description = "backups-external: the database is PostgreSQL; use pg_dump")
    @GetMapping
    BackupList list() {
        requireEmbedded();
        return new BackupList(database.list());
    }

    @Operation(summary = "Back up the database now", description = "A consistent copy of the embedded database as of "
            + "this moment, made while Encore keeps serving (a zip of its file). Blobs and secrets are not in it: see "
            + "docs/storage.md, \"Backups and restores\". The backup it names is kept at least 15 minutes, whatever "
            + "encore.backup.keep says, so that it can be downloaded.")
    @ApiResponse(responseCode = "201", description = "Made; Location is its download")
    @ApiResponse(responseCode = "409", description = "backups-external: the database is PostgreSQL; use pg_dump")
    @ApiResponse(responseCode = "429", description = "rate-limited: more than encore.ratelimit.limits.backups (5 an "
            + "hour per admin); see Retry-After")
    @ApiResponse(responseCode = "507", description = "insufficient-storage: no room for it above encore.storage.min-free-space")
    @RateLimited("backups")
    @PostMapping
    ResponseEntity<DatabaseBackups.DatabaseBackup> create(@AuthenticationPrincipal Jwt jwt) {
        requireEmbedded();
        DatabaseBackups.DatabaseBackup made = backups.create(UUID.fromString(jwt.getSubject()));
        return ResponseEntity.created(URI.create("/api/v1/admin/backups/" + made.name())).body(made);
    }

    @Operation(summary = "Download a database backup", description = "The zip as made; H2 opens the file inside it "
            + "(restore: docs/storage.md). Range requests are answered.")
    @ApiResponse(responseCode = "200", description = "The zip")
    @ApiResponse(responseCode = "206", description = "The requested range(s)")
    @ApiResponse(responseCode = "404", description = "No backup of this name")
    @ApiResponse(responseCode = "416", description = "range-not-satisfiable: a Range that is malformed or outside the file")
    @ApiResponse(responseCode = "409", description = "backups-external: the database is PostgreSQL; use pg_dump")
    @GetMapping(value = "/{name}", produces = { "application/zip", MediaType.APPLICATION_PROBLEM_JSON_VALUE })
    ResponseEntity<Resource> download(@AuthenticationPrincipal Jwt jwt, @PathVariable String name,
            @RequestHeader(value = HttpHeaders.RANGE, required = false) String range) throws IOException {
        requireEmbedded();
        DatabaseBackups.DatabaseBackup backup = database.find(name).orElseThrow(BackupsController::notFound);
        FileSystemResource file = new FileSystemResource(database.path(backup));
        requireSatisfiable(range, file);
        backups.downloaded(UUID.fromString(jwt.getSubject()), backup);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file);
    }

    /**
     * Spring answers a Range it cannot serve with 416 but goes on to write the whole file as that
     * answer's body (typed application/zip); so such a Range is refused here first, by the same rule,
     * with the problem a 416 carries everywhere else.
     */
    private static void requireSatisfiable(String range, Resource file) throws IOException {
        if (range == null) {
            return;
        }
        try {
            HttpRange.toResourceRegions(HttpRange.parseRanges(range), file);
        }
        catch (IllegalArgumentException ex) {
            throw Problems.rangeNotSatisfiable(file.contentLength());
        }
    }

    private void requireEmbedded() {
        if (!backups.embedded()) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "backups-external",
                    "Backups are made outside Encore",
                    "This server keeps its data in PostgreSQL, which Encore does not back up itself."), null);
        }
    }

    private static ErrorResponseException notFound() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no backup of this name."), null);
    }
}
