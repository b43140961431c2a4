package dev.encore.platform.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

import dev.encore.platform.DiskReserve;
import dev.encore.platform.EncoreProperties;
import dev.encore.platform.config.OwnerOnlyFiles;

/**
 * Consistent copies of the embedded H2 database while Encore runs: H2's {@code BACKUP TO} writes a
 * zip of the database file as of one moment (MVCC, nothing is locked), first under a temporary
 * name, then renamed into place, so a listed backup is always whole. A backup holds every password
 * hash and sealed secret: its directory and files are owner-only ({@link OwnerOnlyFiles}), wherever
 * they are kept. The newest {@code encore.backup.keep} are kept, and every backup for {@link #FRESH} after it
 * was made: a backup an answer just named is still there to download when a burst of others follows it
 * (each create prunes: with keep 2, three concurrent POSTs deleted the first one's backup, maybe before
 * its client had read the 201). The rate limit {@code backups} bounds how many a burst adds. With PostgreSQL there is nothing to do here: pg_dump is the
 * tool (docs/storage.md).
 */
@Component
class DatabaseBackups {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);
    /** Names sort as they were made: UTC date, time and milliseconds. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    static final Pattern NAME = Pattern.compile("encore-db-\\d{8}-\\d{6}-\\d{3}\\.zip");
    /** How long a backup is kept whatever {@code keep} says, so that the one an answer names can be downloaded. */
    static final Duration FRESH = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final DiskReserve diskReserve;
    private final Path dir;
    private final Path databaseDir;
    private final int keep;
    private final Clock clock;
    private volatile Boolean embedded;

    DatabaseBackups(JdbcTemplate jdbc, BackupProperties properties, EncoreProperties encore, DiskReserve diskReserve,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.diskReserve = diskReserve;
        this.dir = (properties.dir() != null ? properties.dir() : encore.dataDir().resolve("backups")).toAbsolutePath()
                .normalize();
        this.databaseDir = encore.dataDir().resolve("db");
        this.keep = properties.keep();
        this.clock = clock;
    }

    /**
     * A backup as listed.
     *
     * @param name      the file's name, which is also its id
     * @param bytes     its size
     * @param createdAt when it was made
     */
    record DatabaseBackup(String name, long bytes, Instant createdAt) {
    }

    /** Whether the database is the embedded one, the only one Encore backs up itself. */
    boolean embedded() {
        Boolean known = embedded;
        if (known == null) {
            try {
                known = "H2".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                        metaData -> metaData.getDatabaseProductName()));
            }
            catch (org.springframework.jdbc.support.MetaDataAccessException unreachable) {
                throw new org.springframework.dao.DataAccessResourceFailureException("The database did not answer", unreachable);
            }
            embedded = known;
        }
        return known;
    }

    /**
     * Makes a backup now, then deletes the oldest beyond {@code encore.backup.keep}, never this one nor
     * one made in the last {@link #FRESH}.
     *
     * @throws IllegalStateException on PostgreSQL
     * @throws org.springframework.web.ErrorResponseException 507 when the disk has no room for it above its reserve
     */
    synchronized DatabaseBackup create() {
        if (!embedded()) {
            throw new IllegalStateException("Encore backs up only its embedded database");
        }
        diskReserve.require(databaseBytes());
        Instant at = clock.instant();
        Path target = dir.resolve("encore-db-" + STAMP.format(at) + ".zip");
        Path partial = dir.resolve("." + target.getFileName() + ".partial");
        try {
            OwnerOnlyFiles.createDirectories(dir);
            Files.deleteIfExists(partial);
            jdbc.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            OwnerOnlyFiles.restrict(target);
            Files.setLastModifiedTime(target, FileTime.from(at));
            DatabaseBackup made = new DatabaseBackup(target.getFileName().toString(), Files.size(target), at);
            log.info("Backed up the database to {} ({} bytes)", target, made.bytes());
            prune(made);
            return made;
        }
        catch (IOException ex) {
            deleteQuietly(partial);
            throw new UncheckedIOException(ex);
        }
        catch (RuntimeException ex) {
            deleteQuietly(partial);
            throw ex;
        }
    }

    /** The backups there are, newest first. */
    List<DatabaseBackup> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> NAME.matcher(file.getFileName().toString()).matches())
                    .map(DatabaseBackups::describe)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(DatabaseBackup::name).reversed())
                    .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A listed backup by name; empty for any other name (no path ever comes from the request). */
    Optional<DatabaseBackup> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return describe(dir.resolve(name));
    }

    Path path(DatabaseBackup backup) {
        return dir.resolve(backup.name());
    }

    private void prune(DatabaseBackup made) throws IOException {
        Instant freshSince = made.createdAt().minus(FRESH);
        List<DatabaseBackup> all = list();
        for (DatabaseBackup old : all.subList(Math.min(keep, all.size()), all.size())) {
            // the one just made too: should the clock have stepped back, it would sort as the oldest
            if (old.name().equals(made.name()) || old.createdAt().isAfter(freshSince)) {
                continue;
            }
            Files.deleteIfExists(dir.resolve(old.name()));
            log.info("Deleted the backup {}: encore.backup.keep is {}", old.name(), keep);
        }
    }

    private long databaseBytes() {
        try (Stream<Path> files = Files.list(databaseDir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                }
                catch (IOException gone) {
                    return 0;
                }
            }).sum();
        }
        catch (IOException elsewhere) { // a database URL of the operator's own: the write itself will tell
            return 0;
        }
    }

    private static Optional<DatabaseBackup> describe(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DatabaseBackup(file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant()));
        }
        catch (IOException deletedMeanwhile) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ignored) {
            log.debug("Could not delete {}", file, ignored);
        }
    }

}
