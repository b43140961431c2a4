package dev.encore.live.presenter;

import java.security.Principal;
import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import dev.encore.live.LiveBroadcasts;
import dev.encore.live.LiveCommandException;
import dev.encore.live.LiveKind;

/**
 * The presenter's STOMP commands: {@code /app/live/presentation/<sessionId>/slide {"slide": n}} and
 * {@code /pointer {"x": 0..1, "y": 0..1}} (both null hides it). Each change is broadcast to the
 * session ({@code slide} / {@code pointer}); a refusal reaches only the sender on
 * {@code /user/queue/errors}. Pointer moves closer than {@link #POINTER_INTERVAL_MS} to the last one
 * this node took are dropped: a pointer follows a mouse, and the latest position is what matters.
 * Clients send at most one move every 50 ms (the last one of a burst at the end of its interval);
 * the server's bound is half that, so network jitter never drops a well-behaved client's move.
 */
@Controller
class PresenterCommands {

    static final long POINTER_INTERVAL_MS = 25;

    private final Presenting presenting;
    private final LiveBroadcasts broadcasts;
    /**
     * When each session's pointer last moved. Entries expire soon after the interval, so a session
     * that ended (or moved on to another node) leaves nothing behind.
     */
    private final Cache<UUID, Long> lastPointer = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10)).build();

    PresenterCommands(Presenting presenting, LiveBroadcasts broadcasts) {
        this.presenting = presenting;
        this.broadcasts = broadcasts;
    }

    /**
     * A slide command.
     *
     * @param slide 1..slideCount
     */
    record SlideCommand(Integer slide) {
    }

    /**
     * A pointer command.
     *
     * @param x 0..1 from the left, or null (with y) to hide the pointer
     * @param y 0..1 from the top, or null
     */
    record PointerCommand(Double x, Double y) {
    }

    @MessageMapping("/live/presentation/{id}/slide")
    void slide(@DestinationVariable UUID id, @Payload(required = false) SlideCommand command, Principal user) {
        Integer slide = command != null ? command.slide() : null;
        presenting.showSlide(userId(user), id, slide);
        broadcasts.send(LiveKind.PRESENTATION, id, "slide", new SlideCommand(slide));
    }

    @MessageMapping("/live/presentation/{id}/pointer")
    void pointer(@DestinationVariable UUID id, @Payload(required = false) PointerCommand command, Principal user) {
        if (command == null) {
            throw LiveCommandException.badPayload("send {\"x\": 0..1, \"y\": 0..1}, or both null to hide the pointer");
        }
        long now = System.nanoTime() / 1_000_000;
        Long last = lastPointer.getIfPresent(id);
        if (last != null && now - last < POINTER_INTERVAL_MS && command.x() != null) {
            return;
        }
        presenting.point(userId(user), id, command.x(), command.y());
        lastPointer.put(id, now);
        broadcasts.send(LiveKind.PRESENTATION, id, "pointer", command.x() == null ? null : command);
    }

    private static UUID userId(Principal user) {
        return UUID.fromString(user.getName());
    }
}
