package dev.encore.live.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.Viewer;
import dev.encore.live.LiveKind;
import dev.encore.live.session.LiveAccess;
import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.Problems;
import dev.encore.platform.StorableInstant;

@Tag(name = "live chat", description = "Chat history of listening rooms and premieres (live messages arrive over "
        + "STOMP, see docs/live.md)")
@RestController
class ChatHistoryController {

    /**
     * One page of chat history, newest first.
     *
     * @param items      the messages
     * @param nextBefore pass as {@code before} for the next older page; null when there is none
     */
    record ChatPage(List<ChatMessage> items, Instant nextBefore) {
    }

    private final LiveChat chat;
    private final LiveAccess access;

    ChatHistoryController(LiveChat chat, LiveAccess access) {
        this.chat = chat;
        this.access = access;
    }

    @Operation(summary = "Chat history of a listening room", description = "Newest first; page back with before. "
            + "Deleted messages are left out.")
    @ApiResponse(responseCode = "200", description = "A page of messages")
    @ApiResponse(responseCode = "400", description = "size outside 1..100, or before not an ISO-8601 instant "
            + "of years 1 to 9999")
    @ApiResponse(responseCode = "404", description = "No such room, or not one I may join")
    @GetMapping("/api/v1/rooms/{id}/chat")
    ChatPage rooms(Authentication auth, @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant before,
            @RequestParam(defaultValue = "50") int size) {
        return page(LiveKind.ROOM, Viewer.of(auth), id, before, size);
    }

    @Operation(summary = "Chat history of a premiere", description = "Newest first; page back with before. "
            + "Deleted messages are left out.")
    @ApiResponse(responseCode = "200", description = "A page of messages")
    @ApiResponse(responseCode = "400", description = "size outside 1..100, or before not an ISO-8601 instant "
            + "of years 1 to 9999")
    @ApiResponse(responseCode = "404", description = "No such premiere, or not one I may see")
    @GetMapping("/api/v1/premieres/{id}/chat")
    ChatPage premieres(Authentication auth, @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @StorableInstant Instant before,
            @RequestParam(defaultValue = "50") int size) {
        return page(LiveKind.PREMIERE, Viewer.of(auth), id, before, size);
    }

    private ChatPage page(LiveKind kind, Viewer viewer, UUID id, Instant before, int size) {
        if (size < 1 || size > 100) {
            throw InvalidFieldsException.of("size", "must be between 1 and 100");
        }
        if (!viewer.admin() && !access.mayJoin(kind, id, viewer.userId())) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found",
                    "Not found", "No such " + kind.slug() + "."), null);
        }
        // one more than asked tells whether an older page exists: a full last page has no nextBefore
        List<ChatMessage> items = chat.history(kind, id, before, size + 1);
        if (items.size() <= size) {
            return new ChatPage(items, null);
        }
        List<ChatMessage> page = items.subList(0, size);
        return new ChatPage(List.copyOf(page), page.getLast().sentAt());
    }
}
