-- Live: presenter sessions. The presenter's current slide and pointer; viewers follow them.
-- live_presentation_id is the presentation's id while the session runs and null once it ended,
-- so a presentation has at most one running session (a unique column allows many nulls).
-- presenter_away_since: when the presenter was last seen leaving (or the start, until they join);
-- null while they are connected. Away longer than encore.live.presenter-grace ends the session.
CREATE TABLE presenter_sessions (
    id                    UUID          NOT NULL PRIMARY KEY,
    presentation_id       UUID          NOT NULL,
    live_presentation_id  UUID          UNIQUE,
    presenter_id          UUID          NOT NULL,
    slide                 INTEGER       NOT NULL,
    slide_count           INTEGER       NOT NULL,
    pointer_x             DOUBLE PRECISION,
    pointer_y             DOUBLE PRECISION,
    started_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at              TIMESTAMP WITH TIME ZONE,
    presenter_away_since  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX presenter_sessions_presentation_idx ON presenter_sessions (presentation_id);
CREATE INDEX presenter_sessions_presenter_idx ON presenter_sessions (presenter_id);
