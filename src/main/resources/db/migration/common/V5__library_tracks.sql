-- Library: tracks (audio content saved from imports, later from uploads), with tags.
CREATE TABLE tracks (
    id            UUID          NOT NULL PRIMARY KEY,
    owner_id      UUID          NOT NULL,
    title         VARCHAR(255)  NOT NULL,
    artist        VARCHAR(255)  NOT NULL,
    album         VARCHAR(255),
    genre         VARCHAR(50),
    release_year  INTEGER,
    category      VARCHAR(50),
    visibility    VARCHAR(16)   NOT NULL,
    featured      BOOLEAN       NOT NULL,
    duration_ms   BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    mime_type     VARCHAR(64)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    filename      VARCHAR(255)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT        NOT NULL
);
-- one index per filter and sort the listing offers
CREATE INDEX tracks_owner_created_idx ON tracks (owner_id, created_at);
CREATE INDEX tracks_visibility_created_idx ON tracks (visibility, created_at);
CREATE INDEX tracks_created_idx ON tracks (created_at);
CREATE INDEX tracks_title_idx ON tracks (title);
CREATE INDEX tracks_artist_idx ON tracks (artist);
CREATE INDEX tracks_album_idx ON tracks (album);
CREATE INDEX tracks_genre_idx ON tracks (genre);
CREATE INDEX tracks_year_idx ON tracks (release_year);
CREATE INDEX tracks_category_idx ON tracks (category);
CREATE INDEX tracks_duration_idx ON tracks (duration_ms);
CREATE INDEX tracks_sha_idx ON tracks (sha256);

CREATE TABLE track_tags (
    track_id  UUID         NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    tag       VARCHAR(50)  NOT NULL,
    PRIMARY KEY (track_id, tag)
);
CREATE INDEX track_tags_tag_idx ON track_tags (tag);
