package dev.encore.ingest.config;

import java.io.IOException;
import java.net.InetAddress;

import org.jobrunr.server.configuration.BackgroundJobServerThreadType;
import org.jobrunr.server.configuration.BackgroundJobServerWorkerPolicy;
import org.jobrunr.server.configuration.DefaultBackgroundJobServerWorkerPolicy;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.encore.ingest.SourceMetadata;
import dev.encore.ingest.pipeline.AudioConversion;
import dev.encore.ingest.source.EgressGuard;
import dev.encore.ingest.source.SourcePolicy;
import dev.encore.ingest.source.SourceResolver;
import dev.encore.media.Ffmpeg;
import dev.encore.media.MediaProperties;
import dev.encore.media.VideoProperties;
import dev.encore.media.YtDlp;

/** The import pipeline's building blocks, configured from {@code encore.ingest.*}. */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class IngestConfiguration {

    @Bean
    SourcePolicy sourcePolicy(IngestProperties properties) {
        return new SourcePolicy(properties.allowedHosts(), properties.trustedNetworks(), InetAddress::getAllByName);
    }

    /** The loopback proxy every yt-dlp run goes through; closed with the context. */
    @Bean(destroyMethod = "close")
    EgressGuard egressGuard(SourcePolicy policy, IngestProperties properties) throws IOException {
        return new EgressGuard(policy, InetAddress::getAllByName, properties.socketTimeout());
    }

    /** Metadata cache keys: single or playlist reading, and the normalized URL. */
    @Bean(SourceResolver.KEYS)
    KeyGenerator ingestMetadataKeys() {
        return (target, method, params) -> (Boolean.TRUE.equals(params[1]) ? "playlist:" : "single:")
                + SourceMetadata.normalize((String) params[0]);
    }

    /**
     * JobRunr's workers are this node's import slots plus its video slots: {@code encore.ingest.workers}
     * imports (0: one per core) and {@code encore.video.workers} videos at once, so a node never
     * claims more work than it has workers for; a job stays enqueued for the next free worker on
     * any node. Videos hold to their own limit (the library's video job waits for one of its
     * permits), so within it a video being processed never takes an import's worker. The recurring
     * housekeeping jobs (expiry, sweeps, audit retention, event resubmission) share these workers:
     * they take seconds, and when every worker is busy they start on the next one that frees up,
     * here or on another node. ({@code jobrunr.background-job-server.worker-count} is not used.)
     */
    @Bean
    BackgroundJobServerWorkerPolicy backgroundJobServerWorkerPolicy(IngestProperties properties,
            VideoProperties video) {
        return new DefaultBackgroundJobServerWorkerPolicy(properties.effectiveWorkers() + video.workers(),
                BackgroundJobServerThreadType.getDefaultThreadType());
    }

    @Bean
    YtDlp ytDlp(MediaProperties media, IngestProperties properties) {
        return new YtDlp(media.ytdlpPath(), properties.maxFilesize(), properties.socketTimeout());
    }

    @Bean
    AudioConversion audioConversion(Ffmpeg ffmpeg) {
        return new AudioConversion(ffmpeg);
    }
}
