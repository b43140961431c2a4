-- Live: premieres, a ready video played to everyone at once from startsAt. The state moves
-- scheduled -> live -> ended by JobRunr jobs scheduled at starts_at and at the end; a cancelled
-- premiere is deleted. peak_viewers keeps the largest viewer count seen while it ran.
CREATE TABLE premieres (
    id            UUID          NOT NULL PRIMARY KEY,
    video_id      UUID          NOT NULL,
    owner_id      UUID          NOT NULL,
    title         VARCHAR(255),
    description   VARCHAR(5000),
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE,
    duration_ms   BIGINT        NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    peak_viewers  INTEGER       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT        NOT NULL
);
CREATE INDEX premieres_state_starts_idx ON premieres (state, starts_at);
CREATE INDEX premieres_owner_starts_idx ON premieres (owner_id, starts_at);
CREATE INDEX premieres_video_idx ON premieres (video_id);
