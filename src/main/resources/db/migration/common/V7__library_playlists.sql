-- Library: playlists of tracks, ordered, with optimistic versions and share tokens.
CREATE TABLE playlists (
    id            UUID          NOT NULL PRIMARY KEY,
    owner_id      UUID          NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    description   VARCHAR(500),
    is_public     BOOLEAN       NOT NULL,
    share_token   VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT playlists_share_token_uq UNIQUE (share_token)
);
CREATE INDEX playlists_owner_created_idx ON playlists (owner_id, created_at);
CREATE INDEX playlists_public_created_idx ON playlists (is_public, created_at);
CREATE INDEX playlists_name_idx ON playlists (name);

CREATE TABLE playlist_items (
    id           UUID     NOT NULL PRIMARY KEY,
    playlist_id  UUID     NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    track_id     UUID     NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    position     INTEGER  NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX playlist_items_playlist_idx ON playlist_items (playlist_id, position);
CREATE INDEX playlist_items_track_idx ON playlist_items (track_id);
