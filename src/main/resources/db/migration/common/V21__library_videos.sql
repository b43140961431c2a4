-- Library: videos (from video uploads or finished video imports), with tags.
CREATE TABLE videos (
    id            UUID          NOT NULL PRIMARY KEY,
    owner_id      UUID          NOT NULL,
    title         VARCHAR(255)  NOT NULL,
    description   VARCHAR(5000),
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
CREATE INDEX videos_owner_created_idx ON videos (owner_id, created_at);
CREATE INDEX videos_visibility_created_idx ON videos (visibility, created_at);
CREATE INDEX videos_created_idx ON videos (created_at);
CREATE INDEX videos_title_idx ON videos (title);
CREATE INDEX videos_category_idx ON videos (category);
CREATE INDEX videos_duration_idx ON videos (duration_ms);
CREATE INDEX videos_sha_idx ON videos (sha256);

CREATE TABLE video_tags (
    video_id  UUID         NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    tag       VARCHAR(50)  NOT NULL,
    PRIMARY KEY (video_id, tag)
);
CREATE INDEX video_tags_tag_idx ON video_tags (tag);
