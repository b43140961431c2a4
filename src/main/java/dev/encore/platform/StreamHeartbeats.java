package dev.encore.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes an SSE comment line to every open progress stream every {@link #EVERY}. A client that went
 * away is only noticed when a write to its connection fails: without a beat, a stream following
 * something quiet (a queued import) held its place under the per-user cap until the next message
 * or its timeout. A comment is ignored by EventSource, and the beat keeps proxies from closing a
 * quiet stream as idle. One thread beats on all streams.
 */
@Component
class StreamHeartbeats implements DisposableBean {

    /** The first write after a client left may still go into the socket's buffer: one is noticed within two beats. */
    static final Duration EVERY = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(StreamHeartbeats.class);

    /** Open streams, each with what to run when a beat finds its client gone. */
    private final Map<SseEmitter, Runnable> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sse-heartbeats").daemon().factory());

    @Autowired
    StreamHeartbeats() {
        this(EVERY);
    }

    StreamHeartbeats(Duration every) {
        beats.scheduleWithFixedDelay(this::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Beats on {@code stream} until {@link #stop}; {@code gone} runs when a beat cannot be written. */
    void start(SseEmitter stream, Runnable gone) {
        streams.put(stream, gone);
    }

    void stop(SseEmitter stream) {
        streams.remove(stream);
    }

    private void beat() {
        streams.forEach((stream, gone) -> {
            try {
                synchronized (stream) { // never between the lines of a message
                    stream.send(SseEmitter.event().comment(""));
                }
            }
            catch (Exception clientGone) { // IOException, or IllegalStateException once completed
                streams.remove(stream);
                try {
                    gone.run();
                }
                catch (RuntimeException ex) { // an exception would cancel every later beat
                    log.warn("Ending a progress stream whose client is gone failed", ex);
                }
            }
        });
    }

    @Override
    public void destroy() {
        beats.shutdownNow();
    }
}
