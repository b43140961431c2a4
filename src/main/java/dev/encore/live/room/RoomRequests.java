package dev.encore.live.room;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.UUID;

import dev.encore.platform.InvalidFieldsException;
import dev.encore.platform.PlainText;

/** The bodies of the room endpoints, and their rules. */
final class RoomRequests {

    private RoomRequests() {
    }

    /**
     * A new room.
     *
     * @param name         1–100 characters after trimming
     * @param isPublic     listed and joinable by id (default true); otherwise by invite code only
     * @param maxListeners 2–100 members at once, the host included (default 10)
     */
    record CreateRoom(String name, Boolean isPublic, Integer maxListeners) {
    }

    /** Changed settings; absent fields stay. */
    record UpdateRoom(String name, Boolean isPublic, Integer maxListeners) {
    }

    /** An invite code from a join link. */
    record JoinByCode(String inviteCode) {
    }

    /** The member who becomes host. */
    record HandOver(UUID userId) {
    }

    /**
     * Checks the fields given (all of them at once).
     *
     * @param name    the name, or null when not given
     * @param create  whether the name is required
     * @param cap     the largest maxListeners allowed ({@code encore.live.max-listeners-cap})
     * @param members the members now (maxListeners may not go below), 0 for a new room
     * @return the trimmed name, or null when not given
     */
    static String check(String name, boolean create, Integer maxListeners, int cap, int members) {
        SequencedMap<String, String> errors = new LinkedHashMap<>();
        String trimmed = name == null ? null : name.strip();
        if ((create || name != null) && (trimmed == null || trimmed.isEmpty())) {
            errors.put("name", "must not be empty");
        }
        else if (trimmed != null && trimmed.codePointCount(0, trimmed.length()) > 100) {
            errors.put("name", "must be at most 100 characters");
        }
        else if (trimmed != null && !PlainText.Check.isPlain(trimmed, false)) {
            errors.put("name", "must not contain control characters");
        }
        if (maxListeners != null && (maxListeners < 2 || maxListeners > cap)) {
            errors.put("maxListeners", "must be between 2 and " + cap);
        }
        else if (maxListeners != null && maxListeners < members) {
            errors.put("maxListeners", "must be at least the " + members + " members the room has");
        }
        if (!errors.isEmpty()) {
            throw InvalidFieldsException.ofFields(errors);
        }
        return trimmed;
    }
}
