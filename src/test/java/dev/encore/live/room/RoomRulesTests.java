package dev.encore.live.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.encore.live.PlaybackState;
import dev.encore.platform.FieldProblem;
import dev.encore.platform.InvalidFieldsException;

class RoomRulesTests {

    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

    @Test
    void aNameIsTrimmedAndOneToAHundredCharacters() {
        assertThat(RoomRequests.check("  Friday  ", true, null, 100, 0)).isEqualTo("Friday");
        assertThat(RoomRequests.check("é".repeat(100), true, 2, 100, 0)).hasSize(100);
        assertThat(RoomRequests.check(null, false, 5, 100, 3)).isNull();
        assertFields(() -> RoomRequests.check(" ", true, null, 100, 0), "name");
        assertFields(() -> RoomRequests.check(null, true, null, 100, 0), "name");
        assertFields(() -> RoomRequests.check("", false, null, 100, 0), "name");
        assertFields(() -> RoomRequests.check("x".repeat(101), true, null, 100, 0), "name");
        assertFields(() -> RoomRequests.check("bell\u0007", true, null, 100, 0), "name");
        assertFields(() -> RoomRequests.check("party\u202Egpj.exe", true, null, 100, 0), "name");
        assertThat(RoomRequests.check("\u05E9\u05DC\u05D5\u05DD\u200F 1", true, null, 100, 0)).endsWith(" 1");
    }

    @Test
    void maxListenersIsBetweenTwoAndTheCapAndNotBelowTheMembers() {
        assertFields(() -> RoomRequests.check("", true, 1, 100, 0), "name", "maxListeners");
        assertFields(() -> RoomRequests.check("Big", true, 101, 100, 0), "maxListeners");
        assertThat(RoomRequests.check("Bench", true, 500, 500, 0)).isEqualTo("Bench");
        assertFields(() -> RoomRequests.check(null, false, 3, 100, 4), "maxListeners");
    }

    @Test
    void loadingAnEntryStartsItFromZeroAndAnEmptyQueueUnloads() {
        Room room = new Room(UUID.randomUUID(), "Room", true, 10, NOW);
        room.apply(room.state().play(NOW, 0L));
        QueueEntry entry = new QueueEntry(room.id(), UUID.randomUUID(), 0, room.hostId(), NOW);
        room.apply(new PlaybackState(UUID.randomUUID(), "track", 5000, NOW, true, 1.0));
        room.load(entry, NOW.plusSeconds(3));
        assertThat(room.state()).isEqualTo(new PlaybackState(entry.trackId(), "track", 0, NOW.plusSeconds(3), true, 1.0));
        assertThat(room.currentEntryId()).isEqualTo(entry.id());
        room.load(null, NOW.plusSeconds(4));
        assertThat(room.state()).isEqualTo(PlaybackState.idle(NOW.plusSeconds(4)));
        assertThat(room.currentEntryId()).isNull();
    }

    @Test
    void rotatingTheInviteMakesANewUnguessableCode() {
        Room room = new Room(UUID.randomUUID(), "Room", false, 10, NOW);
        String first = room.inviteCode();
        room.rotateInvite();
        assertThat(room.inviteCode()).isNotEqualTo(first).hasSize(22).matches("[A-Za-z0-9_-]+");
    }

    @SuppressWarnings("unchecked")
    private static void assertFields(Runnable check, String... fields) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidFieldsException.class, ex -> assertThat(
                ((List<FieldProblem>) ex.getBody().getProperties().get("errors")).stream()
                        .map(FieldProblem::field)).containsExactly(fields));
    }
}
