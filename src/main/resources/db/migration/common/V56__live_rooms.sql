-- Live: listening rooms, their members, queue and suggestions. The playback state lives on the
-- room row (what plays, its position at a server instant, playing, rate), so any node can take
-- the next command and a restart loses nothing.
CREATE TABLE rooms (
    id                UUID          NOT NULL PRIMARY KEY,
    name              VARCHAR(100)  NOT NULL,
    is_public         BOOLEAN       NOT NULL,
    max_listeners     INTEGER       NOT NULL,
    host_id           UUID,
    invite_code       VARCHAR(32)   NOT NULL,
    current_entry_id  UUID,
    current_track_id  UUID,
    position_ms       BIGINT        NOT NULL,
    at_server_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    playing           BOOLEAN       NOT NULL,
    rate              DOUBLE PRECISION NOT NULL,
    empty_since       TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT rooms_invite_code_uq UNIQUE (invite_code)
);
CREATE INDEX rooms_public_created_idx ON rooms (is_public, created_at);
CREATE INDEX rooms_host_idx ON rooms (host_id);

-- A member row stays after its user leaves (left_at set): a stream URL handed out in the room
-- then answers 403 instead of looking like a missing track.
CREATE TABLE room_members (
    id             UUID          NOT NULL PRIMARY KEY,
    room_id        UUID          NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id        UUID          NOT NULL,
    username       VARCHAR(50)   NOT NULL,
    joined_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    absent_since   TIMESTAMP WITH TIME ZONE,
    left_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT room_members_room_user_uq UNIQUE (room_id, user_id)
);
CREATE INDEX room_members_user_idx ON room_members (user_id);

CREATE TABLE room_queue (
    id          UUID     NOT NULL PRIMARY KEY,
    room_id     UUID     NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    track_id    UUID     NOT NULL,
    position    INTEGER  NOT NULL,
    added_by    UUID     NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX room_queue_room_idx ON room_queue (room_id, position);
CREATE INDEX room_queue_track_idx ON room_queue (track_id);

CREATE TABLE room_suggestions (
    id            UUID     NOT NULL PRIMARY KEY,
    room_id       UUID     NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    track_id      UUID     NOT NULL,
    suggested_by  UUID     NOT NULL,
    username      VARCHAR(50) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX room_suggestions_room_idx ON room_suggestions (room_id, created_at);
