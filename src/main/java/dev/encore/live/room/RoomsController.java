package dev.encore.live.room;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.encore.library.Viewer;
import dev.encore.live.room.RoomRequests.CreateRoom;
import dev.encore.live.room.RoomRequests.HandOver;
import dev.encore.live.room.RoomRequests.JoinByCode;
import dev.encore.live.room.RoomRequests.UpdateRoom;
import dev.encore.platform.PageQuery;
import dev.encore.platform.PageResponse;

@Tag(name = "rooms", description = "Listening rooms: the host plays tracks in sync for the members; "
        + "playback commands, queue and suggestions go over STOMP (see docs/live.md)")
@RestController
@RequestMapping("/api/v1/rooms")
class RoomsController {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt");

    private final ListeningRooms rooms;

    RoomsController(ListeningRooms rooms) {
        this.rooms = rooms;
    }

    @Operation(summary = "Create a room", description = "name 1–100 characters (trimmed), isPublic (default true), "
            + "maxListeners 2–100 (default 10, the host included). The creator is its host and first member.")
    @ApiResponse(responseCode = "201", description = "Created; the answer carries the invite code and link")
    @ApiResponse(responseCode = "400", description = "validation-failed: name or maxListeners")
    @PostMapping
    ResponseEntity<RoomView> create(Authentication auth, @RequestBody CreateRoom request) {
        RoomView room = rooms.create(Viewer.of(auth), request);
        return ResponseEntity.created(URI.create("/api/v1/rooms/" + room.id())).body(room);
    }

    @Operation(summary = "List public rooms", description = "Newest first; q filters by name (any case).")
    @GetMapping
    PageResponse<RoomView> list(Authentication auth, @RequestParam(required = false) String q, @Valid PageQuery page) {
        return PageResponse.from(rooms.list(Viewer.of(auth), q,
                page.toPageable(SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt"))), room -> room);
    }

    @Operation(summary = "List the rooms I am a member of")
    @GetMapping("/mine")
    PageResponse<RoomView> mine(Authentication auth, @Valid PageQuery page) {
        return PageResponse.from(rooms.mine(Viewer.of(auth),
                page.toPageable(SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt"))), room -> room);
    }

    @Operation(summary = "Show a room", description = "Public rooms, and private ones to their members. Members get "
            + "signed stream URLs for what plays and what is queued (valid while they are members).")
    @ApiResponse(responseCode = "404", description = "No such room, or a private room you are not in")
    @GetMapping("/{id}")
    RoomView get(Authentication auth, @PathVariable UUID id) {
        return rooms.get(Viewer.of(auth), id);
    }

    @Operation(summary = "Change a room (host)", description = "name, isPublic, maxListeners (not below the members now)")
    @ApiResponse(responseCode = "400", description = "validation-failed")
    @ApiResponse(responseCode = "403", description = "Not the host")
    @PatchMapping("/{id}")
    RoomView update(Authentication auth, @PathVariable UUID id, @RequestBody UpdateRoom request) {
        return rooms.update(Viewer.of(auth), id, request);
    }

    @Operation(summary = "Close a room (host or admin)", description = "Everybody in it gets a closed message.")
    @ApiResponse(responseCode = "204", description = "Closed")
    @ApiResponse(responseCode = "403", description = "Not the host")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Authentication auth, @PathVariable UUID id) {
        rooms.delete(Viewer.of(auth), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Join a public room")
    @ApiResponse(responseCode = "404", description = "No such room, or it is private (join by invite code)")
    @ApiResponse(responseCode = "409", description = "room-full")
    @PostMapping("/{id}/members")
    RoomView join(Authentication auth, @PathVariable UUID id) {
        return rooms.join(Viewer.of(auth), id);
    }

    @Operation(summary = "Join a room by invite code", description = "The code of a join link /rooms/join/<code>.")
    @ApiResponse(responseCode = "404", description = "No room has this code (wrong, or rotated by the host)")
    @ApiResponse(responseCode = "409", description = "room-full")
    @PostMapping("/join")
    RoomView joinByCode(Authentication auth, @RequestBody JoinByCode request) {
        return rooms.joinByCode(Viewer.of(auth), request.inviteCode());
    }

    @Operation(summary = "Leave a room", description = "Stream URLs the room gave you stop working (403). A leaving "
            + "host hands over to the member present longest.")
    @ApiResponse(responseCode = "204", description = "Left (or was not a member)")
    @DeleteMapping("/{id}/members/me")
    ResponseEntity<Void> leave(Authentication auth, @PathVariable UUID id) {
        rooms.leave(Viewer.of(auth), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Rotate the invite code (host)", description = "The old code and link stop working.")
    @ApiResponse(responseCode = "403", description = "Not the host")
    @PostMapping("/{id}/invite")
    RoomView rotateInvite(Authentication auth, @PathVariable UUID id) {
        return rooms.rotateInvite(Viewer.of(auth), id);
    }

    @Operation(summary = "Hand the room over (host)", description = "userId: a member who becomes host.")
    @ApiResponse(responseCode = "400", description = "validation-failed: userId is not a member")
    @ApiResponse(responseCode = "403", description = "Not the host")
    @PostMapping("/{id}/host")
    RoomView handOver(Authentication auth, @PathVariable UUID id,
            @Parameter(description = "the new host") @RequestBody HandOver request) {
        return rooms.handOver(Viewer.of(auth), id, request.userId());
    }
}
