package dev.encore.ingest.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.EgressGuard;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.ingest.source.SourceResolver;
import dev.encore.ingest.source.ToolFailures;
import dev.encore.ingest.source.YtDlpRunOptions;
import dev.encore.media.ProcessRunner;
import dev.encore.media.YtDlp;

/**
 * A yt-dlp download (through the egress guard, with the operator's options) that writes the media
 * to its standard output, read as a {@link StreamedInput}: the size limit, the cancel and the
 * timeout hold as for a download to a file, and the bytes end only once yt-dlp has exited
 * successfully, so a source that fails or breaks off midway is never read as whole. yt-dlp's
 * progress and messages arrive on its standard error; they are logged, never shown.
 */
@Component
class PipedDownload {

    private static final Logger log = LoggerFactory.getLogger(PipedDownload.class);

    private final YtDlp ytdlp;
    private final EgressGuard guard;
    private final ProcessRunner processes;
    private final YtDlpRunOptions runOptions;
    private final IngestProperties properties;
    private final MeterRegistry meters;

    PipedDownload(YtDlp ytdlp, EgressGuard guard, ProcessRunner processes, YtDlpRunOptions runOptions,
            IngestProperties properties, MeterRegistry meters) {
        this.ytdlp = ytdlp;
        this.guard = guard;
        this.processes = processes;
        this.runOptions = runOptions;
        this.properties = properties;
        this.meters = meters;
    }

    /** Starts yt-dlp on {@code url}; the caller reads the stream and closes it (which stops yt-dlp). */
    Stream open(String url, Path staging, MediaPipeline.Progress progress, BooleanSupplier cancelled) {
        EgressGuard.Lease lease = guard.lease();
        try {
            return new Stream(lease, staging, progress, cancelled,
                    runOptions.apply(ytdlp.downloadToStdout(url, staging, lease.proxyUrl()), staging));
        }
        catch (RuntimeException ex) {
            lease.close();
            throw ex;
        }
    }

    /** One running download: its bytes, and why they are not whole when they are not. */
    final class Stream implements AutoCloseable {

        private final EgressGuard.Lease lease;
        private final ProcessRunner.Started tool;
        private final StreamedInput input;
        private final BooleanSupplier cancelled;
        private final Deque<String> messages = new ArrayDeque<>();
        /** yt-dlp found it could not resume a broken-off body and starts over: on a pipe that repeats bytes. */
        private final AtomicBoolean restarted = new AtomicBoolean();
        private volatile ProcessRunner.Result result;

        private Stream(EgressGuard.Lease lease, Path staging, MediaPipeline.Progress progress,
                BooleanSupplier cancelled, List<String> command) {
            this.lease = lease;
            this.cancelled = cancelled;
            this.tool = processes.start(ProcessRunner.Spec.ytDlp(command, staging, properties.timeout()), line -> {
                progress.alive();
                YtDlp.progress(line).ifPresentOrElse(progress::downloading, () -> {
                    if (line.contains("Unable to resume")) {
                        restarted.set(true);
                    }
                    synchronized (messages) {
                        SourceResolver.tail(messages, line);
                    }
                });
            }, cancelled);
            this.input = new StreamedInput(tool.output(), -1, properties.maxFilesize().toBytes(), progress, cancelled,
                    this::requireWhole);
        }

        /** The media as yt-dlp writes it. */
        StreamedInput input() {
            return input;
        }

        /**
         * The head of the media (see {@link StreamedInput#head()}); by then yt-dlp has written the
         * info JSON and the thumbnail.
         *
         * @throws ImportFailure when yt-dlp delivered nothing, in the words its failure deserves
         */
        byte[] head() {
            try {
                byte[] head = input.head();
                if (head.length == 0) {
                    throw failed(); // yt-dlp exited successfully without media: it refused the file (too large)
                }
                return head;
            }
            catch (IOException ex) {
                throw failure().orElseGet(() -> StreamedInput.broken(ex));
            }
        }

        /** Writes the whole media, its head and the rest, to {@code file}. */
        Path drainTo(Path file) {
            try {
                Files.copy(input.whole(), file);
                counted();
                return file;
            }
            catch (IOException ex) {
                throw failure().orElseGet(() -> StreamedInput.broken(ex));
            }
        }

        /** Why reading the media failed, or empty while it has not. */
        Optional<ImportFailure> failure() {
            IOException broken = input.failure();
            if (broken == null) {
                return Optional.empty();
            }
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            if (!(broken instanceof NotWhole)) {
                return Optional.of(StreamedInput.broken(broken));
            }
            if (restarted.get()) {
                return Optional.of(new ImportFailure(ImportError.NETWORK, "the connection to the source broke off",
                        "yt-dlp could not resume a broken-off download"));
            }
            return Optional.of(failed());
        }

        /** Counts the bytes read as fetched. */
        void counted() {
            meters.counter("encore.ingest.fetched.bytes").increment(input.bytesRead());
        }

        private ImportFailure failed() {
            List<String> said;
            synchronized (messages) {
                said = List.copyOf(messages);
            }
            ToolFailures.Failure failure = ToolFailures.classify(result, said, !lease.refused().isEmpty());
            log.info("yt-dlp could not fetch a link ({}): exit {}, refused {}, output {}", failure.error().code(),
                    result.exitCode(), lease.refused(), said);
            return failure.toException("download failed");
        }

        /** At the end of the bytes: they are whole only when yt-dlp exited successfully. */
        private void requireWhole() throws IOException {
            try {
                result = tool.finish();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while yt-dlp finished");
            }
            if (!result.succeeded() || restarted.get()) {
                throw new NotWhole();
            }
        }

        /** Stops yt-dlp if it still runs and ends the lease. */
        @Override
        public void close() {
            try {
                tool.close();
            }
            finally {
                lease.close();
            }
        }
    }

    /** yt-dlp's output ended, but yt-dlp failed: what it wrote is not the whole media. */
    private static final class NotWhole extends IOException {

        NotWhole() {
            super("yt-dlp did not deliver the whole media");
        }
    }
}
