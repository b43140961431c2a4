package dev.encore.live.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.encore.live.LiveCommandException;

class ClockSyncTests {

    /** A clock that answers the given instants in turn. */
    private static Clock ticking(Instant... instants) {
        Deque<Instant> next = new ArrayDeque<>(List.of(instants));
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return next.pop();
            }
        };
    }

    @Test
    void echoesTheClientTimeWithReceiveAndSendTimesInFractionalMilliseconds() {
        Instant receive = Instant.parse("2026-12-03T04:00:00.000250Z");
        Instant send = Instant.parse("2026-12-03T04:00:00.001750Z");
        ClockSync.Reading reading = new ClockSync(ticking(receive, send)).time(new ClockSync.Request(1_700_000_000_123.5));
        assertThat(reading.clientTime()).isEqualTo(1_700_000_000_123.5);
        assertThat(reading.serverReceive()).isEqualTo(receive.toEpochMilli() + 0.25);
        assertThat(reading.serverSend()).isEqualTo(send.toEpochMilli() + 0.75);
    }

    @Test
    void aClientComputesItsOffsetFromTheFourTimes() {
        // the client's clock is 5 s behind; 20 ms each way, 2 ms inside the server
        double t0 = 1_000_000;
        Instant t1 = Instant.ofEpochMilli(1_005_020);
        Instant t2 = Instant.ofEpochMilli(1_005_022);
        ClockSync.Reading reading = new ClockSync(ticking(t1, t2)).time(new ClockSync.Request(t0));
        double t3 = 1_000_042;
        double offset = ((reading.serverReceive() - reading.clientTime()) + (reading.serverSend() - t3)) / 2;
        double roundTrip = (t3 - reading.clientTime()) - (reading.serverSend() - reading.serverReceive());
        assertThat(offset).isEqualTo(5_000);
        assertThat(roundTrip).isEqualTo(40);
    }

    @Test
    void refusesAMissingOrNonsensicalClientTime() {
        ClockSync sync = new ClockSync(Clock.systemUTC());
        for (ClockSync.Request bad : new ClockSync.Request[] { null, new ClockSync.Request(null),
                new ClockSync.Request(-1.0), new ClockSync.Request(Double.POSITIVE_INFINITY) }) {
            assertThatThrownBy(() -> sync.time(bad)).isInstanceOfSatisfying(LiveCommandException.class,
                    ex -> assertThat(ex.type()).isEqualTo("live-bad-payload"));
        }
    }
}
