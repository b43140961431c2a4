package dev.encore.ingest.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.encore.ingest.config.IngestProperties;
import dev.encore.ingest.imports.AudioFormat;
import dev.encore.ingest.imports.ImportError;
import dev.encore.ingest.source.ImportFailure;
import dev.encore.media.Ffmpeg;
import dev.encore.media.ProcessRunner;
import dev.encore.platform.DiskReserve;
import dev.encore.platform.OutputRoom;

/**
 * Runs one ffmpeg conversion of an import, from a file or from a download still under way, and
 * tells how it ended in the import's terms: the conversion timer, {@code max-duration} checked as
 * ffmpeg writes (the run is stopped past it: {@code too-long}), the output capped by the room on the
 * disk and by the owner's storage quota ({@code storage-full}, {@code quota-exceeded}), and on any
 * failure the target deleted, then the input's own failure if it had one (a broken or refused
 * download is not a conversion failure), else {@code timeout} or {@code conversion-failed}.
 */
@Component
class FfmpegConversion {

    private static final Logger log = LoggerFactory.getLogger(FfmpegConversion.class);
    private static final String QUOTA_REASON = "the file would not fit in your storage quota";

    private final ProcessRunner processes;
    private final DiskReserve disk;
    private final IngestProperties properties;
    private final MeterRegistry meters;

    FfmpegConversion(ProcessRunner processes, DiskReserve disk, IngestProperties properties, MeterRegistry meters) {
        this.processes = processes;
        this.disk = disk;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * One conversion.
     *
     * @param command    ffmpeg's command line, writing {@code target}
     * @param target     the file it writes, in {@code staging}
     * @param format     what it converts to (the timer's tag, the failure's words)
     * @param expectedMs the input's duration for progress fractions, or 0 when unknown (none are reported)
     */
    record Run(List<String> command, Path target, AudioFormat format, long expectedMs) {
    }

    /**
     * What ffmpeg reads on its standard input, and why that input failed (empty while it has not).
     * {@link #NONE} for a conversion of files.
     */
    record Input(InputStream stream, Supplier<Optional<ImportFailure>> failure) {

        static final Input NONE = new Input(null, Optional::empty);
    }

    /**
     * Runs {@code run} in {@code staging}, its output capped by the smaller of the disk's room and
     * {@code quotaRoom}, both taken as it starts: a result that would not fit the owner's quota is
     * cut off there and refused, not stored for the result's lifetime uncounted.
     *
     * @param quotaRoom the bytes the import's owner may still store
     * @return the duration ffmpeg wrote in milliseconds, or 0 when it reported none
     * @throws ImportFailure         when it failed, with the input's failure first
     * @throws CancellationException when {@code cancelled} turned true (the target is deleted)
     */
    long convert(Run run, Input input, Path staging, LongSupplier quotaRoom, MediaPipeline.Progress progress,
            BooleanSupplier cancelled) throws InterruptedException {
        long maxMicros = properties.maxDuration().toMillis() * 1000;
        OutputRoom diskRoom = disk.outputRoom();
        if (diskRoom.none()) {
            throw new ImportFailure(ImportError.STORAGE_FULL, "no room above the disk's reserve");
        }
        long quotaLeft = quotaRoom.getAsLong();
        if (quotaLeft <= 0) { // full, or over it (a quota lowered by an admin)
            throw new ImportFailure(ImportError.QUOTA_EXCEEDED, QUOTA_REASON, "the storage quota is full");
        }
        boolean byQuota = quotaLeft < diskRoom.bytes();
        // one byte over what is left: an output of exactly the quota's rest fits, one cut off there did not
        OutputRoom room = byQuota ? new OutputRoom(quotaLeft + 1) : diskRoom;
        AtomicLong outMicros = new AtomicLong();
        AtomicBoolean tooLong = new AtomicBoolean();
        Timer.Sample sample = Timer.start(meters);
        ProcessRunner.Result result;
        try {
            result = processes.run(new ProcessRunner.Spec(room.limit(run.command(), run.target()), staging, properties.timeout(), Map.of()),
                    line -> {
                        progress.alive();
                        long micros = Ffmpeg.progressMicros(line);
                        if (micros > 0) {
                            outMicros.set(micros);
                            tooLong.compareAndSet(false, micros > maxMicros);
                            if (run.expectedMs() > 0) {
                                progress.converting(Math.min(1.0, micros / 1000.0 / run.expectedMs()));
                            }
                        }
                    }, () -> tooLong.get() || cancelled.getAsBoolean(), input.stream());
        }
        catch (CancellationException stopped) {
            delete(run.target());
            if (tooLong.get()) {
                throw new ImportFailure(ImportError.TOO_LONG, "source is longer than " + properties.maxDuration());
            }
            throw stopped;
        }
        if (cancelled.getAsBoolean()) {
            delete(run.target());
            throw new CancellationException("cancelled");
        }
        sample.stop(Timer.builder("encore.ingest.conversion.duration").description("ffmpeg conversion time")
                .tag("format", run.format().extension()).publishPercentileHistogram().register(meters));
        Optional<ImportFailure> inputFailed = input.failure().get();
        if (inputFailed.isEmpty() && result.succeeded()) {
            if (tooLong.get()) { // a conversion faster than its progress reports ends before it could be stopped
                delete(run.target());
                throw new ImportFailure(ImportError.TOO_LONG, "source is longer than " + properties.maxDuration());
            }
            if (room.reached(run.target())) { // ffmpeg stopped at the size it was given, and said nothing of it
                delete(run.target());
                throw byQuota
                        ? new ImportFailure(ImportError.QUOTA_EXCEEDED, QUOTA_REASON,
                                "the result would take more than the " + quotaLeft + " bytes left in the quota")
                        : new ImportFailure(ImportError.STORAGE_FULL, "the result would not fit above the disk's reserve");
            }
        }
        if (inputFailed.isPresent() || !result.succeeded() || !Files.isRegularFile(run.target())) {
            delete(run.target()); // nothing of a broken run is kept
            if (inputFailed.isPresent()) {
                throw inputFailed.get();
            }
            log.warn("ffmpeg failed to convert to {}: exit {}, timed out {}, stderr {}", run.format(), result.exitCode(),
                    result.timedOut(), result.stderrTail());
            if (result.storageFull()) {
                throw new ImportFailure(ImportError.STORAGE_FULL, "the disk filled up while converting");
            }
            throw result.timedOut() ? new ImportFailure(ImportError.TIMEOUT, "conversion timed out")
                    : new ImportFailure(ImportError.CONVERSION_FAILED, "the download could not be converted to "
                            + run.format().extension() + " (it may hold no audio)", "conversion failed");
        }
        return outMicros.get() / 1000;
    }

    private static void delete(Path target) {
        try {
            Files.deleteIfExists(target);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
