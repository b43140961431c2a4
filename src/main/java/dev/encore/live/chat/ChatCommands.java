package dev.encore.live.chat;

import java.security.Principal;
import java.util.UUID;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import dev.encore.live.LiveCommandException;
import dev.encore.live.LiveKind;

/**
 * Chat over STOMP: SEND {@code /app/live/<kind>/<id>/chat} {@code {"text"}}, and for moderators
 * {@code .../chat/delete} {@code {"messageId"}}, {@code .../mute} {@code {"userId", "minutes"?}} and
 * {@code .../unmute} {@code {"userId"}}. Results are broadcast on the session's topic; refusals go to
 * the sender's {@code /user/queue/errors}.
 */
@Controller
@MessageMapping("/live/{kind}/{id}")
class ChatCommands {

    record Post(String text) {
    }

    record Delete(UUID messageId) {
    }

    record Mute(UUID userId, Integer minutes) {
    }

    private final LiveChat chat;

    ChatCommands(LiveChat chat) {
        this.chat = chat;
    }

    @MessageMapping("/chat")
    void post(@DestinationVariable String kind, @DestinationVariable String id, @Payload(required = false) Post post,
            Principal user) {
        chat.post(kind(kind), id(id), UUID.fromString(user.getName()), post == null ? null : post.text());
    }

    @MessageMapping("/chat/delete")
    void delete(@DestinationVariable String kind, @DestinationVariable String id,
            @Payload(required = false) Delete delete, Principal user) {
        chat.delete(kind(kind), id(id), UUID.fromString(user.getName()), delete == null ? null : delete.messageId());
    }

    @MessageMapping("/mute")
    void mute(@DestinationVariable String kind, @DestinationVariable String id, @Payload(required = false) Mute mute,
            Principal user) {
        chat.mute(kind(kind), id(id), UUID.fromString(user.getName()), mute == null ? null : mute.userId(),
                mute == null ? null : mute.minutes());
    }

    @MessageMapping("/unmute")
    void unmute(@DestinationVariable String kind, @DestinationVariable String id,
            @Payload(required = false) Mute mute, Principal user) {
        chat.unmute(kind(kind), id(id), UUID.fromString(user.getName()), mute == null ? null : mute.userId());
    }

    static LiveKind kind(String slug) {
        return LiveKind.fromSlug(slug).orElseThrow(LiveCommandException::unknownDestination);
    }

    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        }
        catch (IllegalArgumentException ex) {
            throw LiveCommandException.unknownDestination();
        }
    }
}
