package dev.encore.live.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.encore.live.LiveCommandException;
import dev.encore.live.LiveProperties;

class ClockSyncTests {

    /** The defaults, bound as the application binds them. */
    private static final LiveProperties PROPERTIES = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("encore.live", LiveProperties.class);

    /** A clock that answers the given instants in turn. */
    private static Clock ticking(Instant first, Instant second) {
        Clock clock = mock(Clock.class);
        when(clock.instant()).thenReturn(first, second);
        return clock;
    }

    @Test
    void echoesTheClientTimeWithReceiveAndSendTimesInFractionalMilliseconds() {
        Instant receive = Instant.parse("2026-12-03T04:00:00.000250Z");
        Instant send = Instant.parse("2026-12-03T04:00:00.001750Z");
        ClockSync.Reading reading = new ClockSync(ticking(receive, send), PROPERTIES).time(new ClockSync.Request(1_700_000_000_123.5));
        assertThat(reading.clientTime()).isEqualTo(1_700_000_000_123.5);
        assertThat(reading.serverReceive()).isEqualTo(receive.toEpochMilli() + 0.25);
        assertThat(reading.serverSend()).isEqualTo(send.toEpochMilli() + 0.75);
        assertThat(reading.resyncMs()).isEqualTo(30_000);
    }

    @Test
    void aClientComputesItsOffsetFromTheFourTimes() {
        // the client's clock is 5 s behind; 20 ms each way, 2 ms inside the server
        double t0 = 1_000_000;
        Instant t1 = Instant.ofEpochMilli(1_005_020);
        Instant t2 = Instant.ofEpochMilli(1_005_022);
        ClockSync.Reading reading = new ClockSync(ticking(t1, t2), PROPERTIES).time(new ClockSync.Request(t0));
        double t3 = 1_000_042;
        double offset = ((reading.serverReceive() - reading.clientTime()) + (reading.serverSend() - t3)) / 2;
        double roundTrip = (t3 - reading.clientTime()) - (reading.serverSend() - reading.serverReceive());
        assertThat(offset).isEqualTo(5_000);
        assertThat(roundTrip).isEqualTo(40);
    }

    @Test
    void refusesAMissingOrNonsensicalClientTime() {
        ClockSync sync = new ClockSync(Clock.systemUTC(), PROPERTIES);
        for (ClockSync.Request bad : new ClockSync.Request[] { null, new ClockSync.Request(null),
                new ClockSync.Request(-1.0), new ClockSync.Request(Double.POSITIVE_INFINITY) }) {
            assertThatThrownBy(() -> sync.time(bad)).isInstanceOfSatisfying(LiveCommandException.class,
                    ex -> assertThat(ex.type()).isEqualTo("live-bad-payload"));
        }
    }
}
