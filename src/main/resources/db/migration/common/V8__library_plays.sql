-- Library: every play of a track (who, when, how long), for listening history and insights.
CREATE TABLE plays (
    id           UUID    NOT NULL PRIMARY KEY,
    track_id     UUID    NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    user_id      UUID    NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ms_listened  BIGINT  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX plays_user_started_idx ON plays (user_id, started_at);
CREATE INDEX plays_track_started_idx ON plays (track_id, started_at);
