package dev.encore.library.play;

import java.time.Instant;
import java.util.UUID;

/**
 * A play as its listener sees it.
 *
 * @param id         play id
 * @param trackId    what was played
 * @param startedAt  when
 * @param msListened how much was heard
 */
public record PlayView(UUID id, UUID trackId, Instant startedAt, long msListened) {

    public static PlayView of(Play play) {
        return new PlayView(play.id(), play.trackId(), play.startedAt(), play.msListened());
    }
}
