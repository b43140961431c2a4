package dev.encore.live.session;

import java.time.Clock;
import java.time.Instant;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

import dev.encore.live.LiveCommandException;
import dev.encore.live.LiveProperties;

/**
 * NTP-style clock sync over STOMP: the client SENDs {@code /app/time} {@code {"clientTime": t0}} and
 * reads {@code {"clientTime": t0, "serverReceive": t1, "serverSend": t2}} on its
 * {@code /user/queue/time} (epoch milliseconds with a fractional part), with {@code resyncMs}. With its receive time t3 it
 * has offset {@code ((t1 - t0) + (t2 - t3)) / 2} and round trip {@code (t3 - t0) - (t2 - t1)}.
 */
@Controller
class ClockSync {

    private final Clock clock;
    private final long resyncMs;

    ClockSync(Clock clock, LiveProperties properties) {
        this.clock = clock;
        this.resyncMs = properties.clockResync().toMillis();
    }

    /**
     * A reading of the server clock.
     *
     * @param clientTime    the client's t0 as sent
     * @param serverReceive t1, when the server took the request
     * @param serverSend    t2, when the server answered
     * @param resyncMs      how often the client should sync again ({@code encore.live.clock-resync})
     */
    record Reading(double clientTime, double serverReceive, double serverSend, long resyncMs) {
    }

    /** What the client sends; {@code clientTime} in epoch milliseconds. */
    record Request(Double clientTime) {
    }

    @MessageMapping("/time")
    @SendToUser(destinations = "/queue/time", broadcast = false)
    Reading time(@Payload(required = false) Request request) {
        double received = millis(clock.instant());
        if (request == null || request.clientTime() == null || !Double.isFinite(request.clientTime())
                || request.clientTime() < 0) {
            throw LiveCommandException.badPayload("Send {\"clientTime\": <epoch milliseconds>}.");
        }
        return new Reading(request.clientTime(), received, millis(clock.instant()), resyncMs);
    }

    private static double millis(Instant instant) {
        return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1_000_000.0;
    }
}
