package dev.encore.library.upload;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may write to a resumable upload now, and what it has recorded: the state every node shares in
 * {@code tus_uploads} and {@code tus_upload_chunks}. One request at a time per upload holds its
 * lease, a row lease rather than node memory, so it holds across nodes: taken by a conditional
 * update, renewed every {@link #LEASE}/3 while the request works (a long body, a finish), given
 * back when it ends, and run out after {@link #LEASE} when its node died. Every change a holder
 * makes is conditional on still holding it, and a chunk is recorded with the new offset in one
 * transaction, conditional on the offset it was written at.
 */
@Component
class TusLeases implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TusLeases.class);

    /** How long a lease lasts unless renewed: a dead node's uploads are free again after it. */
    static final Duration LEASE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean singleNode;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tus-lease-renewal").daemon().factory());

    TusLeases(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, Environment environment) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.singleNode = !environment.matchesProfiles("distributed");
    }

    /** A chunk of an upload: {@code size} bytes from {@code start}, in the blob store's part {@code part}. */
    record Chunk(long start, long size, String part) {
    }

    /**
     * The only node (embedded mode) runs out the leases of the process before it, which died with
     * them, so its uploads are free (and what it wrote is adopted) at once rather than after
     * {@link #LEASE}. Runs before the web server takes requests.
     */
    @Override
    public void afterPropertiesSet() {
        if (singleNode) {
            jdbc.sql("UPDATE tus_uploads SET lease_until = :past WHERE lease_token IS NOT NULL")
                    .param("past", Timestamp.from(Instant.EPOCH)).update();
        }
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
    }

    /** The upload's lease, or null when another request holds it (or there is no such upload). */
    Lease tryAcquire(UUID upload) {
        UUID token = UUID.randomUUID();
        Instant now = clock.instant();
        int taken = jdbc.sql("UPDATE tus_uploads SET lease_token = :token, lease_until = :until WHERE id = :id"
                + " AND (lease_token IS NULL OR lease_until <= :now)").param("token", token)
                .param("until", Timestamp.from(now.plus(LEASE))).param("id", upload).param("now", Timestamp.from(now))
                .update();
        return taken == 1 ? new Lease(upload, token) : null;
    }

    /** The chunks recorded for an upload, in order. */
    List<Chunk> chunks(UUID upload) {
        return jdbc.sql("SELECT start_offset, chunk_size, part_name FROM tus_upload_chunks WHERE upload_id = :id"
                + " ORDER BY start_offset").param("id", upload)
                .query((row, n) -> new Chunk(row.getLong(1), row.getLong(2), row.getString(3))).list();
    }

    /** Every part an upload holds on to: its chunks' and the one being written (none once it is gone). */
    Set<String> parts(UUID upload) {
        Set<String> parts = new LinkedHashSet<>(jdbc.sql("SELECT part_name FROM tus_upload_chunks WHERE upload_id = :id")
                .param("id", upload).query(String.class).list());
        jdbc.sql("SELECT pending_part FROM tus_uploads WHERE id = :id AND pending_part IS NOT NULL")
                .param("id", upload).query(String.class).optional().ifPresent(parts::add);
        return parts;
    }

    /** A request's hold on one upload; closing it gives the upload back. */
    final class Lease implements AutoCloseable {

        private final UUID upload;
        private final UUID token;
        private final ScheduledFuture<?> renewal;

        private Lease(UUID upload, UUID token) {
            this.upload = upload;
            this.token = token;
            long every = LEASE.toMillis() / 3;
            this.renewal = renewals.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        UUID token() {
            return token;
        }

        /** Names the part this holder writes next; false when the lease was lost. */
        boolean writing(String part) {
            return held("pending_part = :part", part);
        }

        /** The part being written came to nothing; false when the lease was lost. */
        boolean wroteNothing() {
            return held("pending_part = NULL", null);
        }

        /**
         * Records {@code size} bytes from {@code start} in {@code part} and moves the offset past them, in
         * one transaction; false (nothing recorded) when the lease was lost or the offset is not {@code start}.
         */
        boolean record(long start, long size, String part) {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                int moved = jdbc.sql("UPDATE tus_uploads SET upload_offset = :end, pending_part = NULL WHERE id = :id"
                        + " AND lease_token = :token AND upload_offset = :start AND :end <= upload_length")
                        .param("end", start + size).param("id", upload).param("token", token).param("start", start)
                        .update();
                if (moved == 1) {
                    jdbc.sql("INSERT INTO tus_upload_chunks (upload_id, start_offset, chunk_size, part_name)"
                            + " VALUES (:id, :start, :size, :part)").param("id", upload).param("start", start)
                            .param("size", size).param("part", part).update();
                }
                return moved == 1;
            }));
        }

        /** Every byte became {@code finished}: its chunks are forgotten; false when the lease was lost. */
        boolean complete(UUID finished) {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                int done = jdbc.sql("UPDATE tus_uploads SET upload_id = :finished, pending_part = NULL WHERE id = :id"
                        + " AND lease_token = :token AND upload_offset = upload_length AND upload_id IS NULL")
                        .param("finished", finished).param("id", upload).param("token", token).update();
                if (done == 1) {
                    jdbc.sql("DELETE FROM tus_upload_chunks WHERE upload_id = :id").param("id", upload).update();
                }
                return done == 1;
            }));
        }

        @Override
        public void close() {
            renewal.cancel(false);
            jdbc.sql("UPDATE tus_uploads SET lease_token = NULL, lease_until = NULL WHERE id = :id AND lease_token = :token")
                    .param("id", upload).param("token", token).update();
        }

        private boolean held(String assignment, String part) {
            return jdbc.sql("UPDATE tus_uploads SET " + assignment + " WHERE id = :id AND lease_token = :token")
                    .paramSource(new MapSqlParameterSource()
                            .addValue("part", part).addValue("id", upload).addValue("token", token))
                    .update() == 1;
        }

        private void renew() {
            try {
                jdbc.sql("UPDATE tus_uploads SET lease_until = :until WHERE id = :id AND lease_token = :token")
                        .param("until", Timestamp.from(clock.instant().plus(LEASE))).param("id", upload)
                        .param("token", token).update();
            }
            catch (RuntimeException ex) { // the next renewal tries again; the lease may run out meanwhile
                log.debug("Cannot renew the lease on resumable upload {}: {}", upload, ex.getMessage());
            }
        }
    }
}
