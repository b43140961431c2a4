package dev.encore.live.room;

import java.security.Principal;
import java.util.UUID;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

/**
 * A room's STOMP commands: SEND {@code /app/live/room/<id>/<command>} with a JSON body. Nothing is
 * answered to the sender on success (everybody gets the broadcast); a refusal goes to the sender's
 * {@code /user/queue/errors} ({@code live-not-host}, {@code live-bad-payload}, {@code live-forbidden}).
 */
@Controller
@MessageMapping("/live/room/{id}")
class RoomCommandsController {

    /** play, pause: where to (default: where it is); seek: required. */
    record Position(Long positionMs) {
    }

    /** queue/add: one of the two. */
    record AddToQueue(UUID trackId, UUID playlistId) {
    }

    /** queue/remove, queue/move (with the new 0-based index). */
    record EntryMove(UUID entryId, Integer index) {
    }

    /** suggest. */
    record Suggest(UUID trackId) {
    }

    /** suggestion/accept, suggestion/reject. */
    record SuggestionRef(UUID suggestionId) {
    }

    private final RoomControls controls;

    RoomCommandsController(RoomControls controls) {
        this.controls = controls;
    }

    @MessageMapping("/play")
    void play(Principal user, @DestinationVariable UUID id, @Payload(required = false) Position body) {
        controls.play(userId(user), id, body == null ? null : body.positionMs());
    }

    @MessageMapping("/pause")
    void pause(Principal user, @DestinationVariable UUID id, @Payload(required = false) Position body) {
        controls.pause(userId(user), id, body == null ? null : body.positionMs());
    }

    @MessageMapping("/seek")
    void seek(Principal user, @DestinationVariable UUID id, @Payload(required = false) Position body) {
        controls.seek(userId(user), id, body == null ? null : body.positionMs());
    }

    @MessageMapping("/next")
    void next(Principal user, @DestinationVariable UUID id) {
        controls.next(userId(user), id);
    }

    @MessageMapping("/queue/add")
    void add(Principal user, @DestinationVariable UUID id, @Payload(required = false) AddToQueue body) {
        controls.add(userId(user), id, body == null ? null : body.trackId(), body == null ? null : body.playlistId());
    }

    @MessageMapping("/queue/remove")
    void remove(Principal user, @DestinationVariable UUID id, @Payload(required = false) EntryMove body) {
        controls.remove(userId(user), id, body == null ? null : body.entryId());
    }

    @MessageMapping("/queue/move")
    void move(Principal user, @DestinationVariable UUID id, @Payload(required = false) EntryMove body) {
        controls.move(userId(user), id, body == null ? null : body.entryId(), body == null ? null : body.index());
    }

    @MessageMapping("/suggest")
    void suggest(Principal user, @DestinationVariable UUID id, @Payload(required = false) Suggest body) {
        controls.suggest(userId(user), id, body == null ? null : body.trackId());
    }

    @MessageMapping("/suggestion/accept")
    void accept(Principal user, @DestinationVariable UUID id, @Payload(required = false) SuggestionRef body) {
        controls.accept(userId(user), id, body == null ? null : body.suggestionId());
    }

    @MessageMapping("/suggestion/reject")
    void reject(Principal user, @DestinationVariable UUID id, @Payload(required = false) SuggestionRef body) {
        controls.reject(userId(user), id, body == null ? null : body.suggestionId());
    }

    private static UUID userId(Principal user) {
        return UUID.fromString(user.getName());
    }
}
