package dev.encore.live.room;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.encore.live.LiveCommandException;
import dev.encore.platform.Problems;

/** Rooms' client errors, for REST answers and STOMP commands. */
final class RoomProblems {

    private RoomProblems() {
    }

    /** No such room for this user (also what a private room looks like to a non-member). */
    static ErrorResponseException notFound() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "Not found", "No such room."), null);
    }

    static ErrorResponseException full(int maxListeners) {
        return new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "room-full",
                "Room full", "The room has its " + maxListeners + " listeners."), null);
    }

    static ErrorResponseException hostOnly() {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Only the room's host may do this."), null);
    }

    /** A STOMP command for a room the sender is not a member of (or that does not exist). */
    static LiveCommandException notMember() {
        return LiveCommandException.forbidden("You are not a member of this room.");
    }
}
