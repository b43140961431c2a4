-- Uploads: stored, typed-by-content files waiting to become library content (they expire).
CREATE TABLE uploads (
    id            UUID          NOT NULL PRIMARY KEY,
    owner_id      UUID          NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    mime_type     VARCHAR(64)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    filename      VARCHAR(255)  NOT NULL,
    duration_ms   BIGINT,
    title         VARCHAR(255),
    artist        VARCHAR(255),
    album         VARCHAR(255),
    genre         VARCHAR(50),
    release_year  INTEGER,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX uploads_owner_created_idx ON uploads (owner_id, created_at);
CREATE INDEX uploads_expires_idx ON uploads (expires_at);
CREATE INDEX uploads_sha_idx ON uploads (sha256);
