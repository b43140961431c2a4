-- Library: presentations (PDF uploads rendered to slide images by a job), with tags and slides.
CREATE TABLE presentations (
    id              UUID          NOT NULL PRIMARY KEY,
    owner_id        UUID          NOT NULL,
    title           VARCHAR(255)  NOT NULL,
    description     VARCHAR(5000),
    category        VARCHAR(50),
    visibility      VARCHAR(16)   NOT NULL,
    featured        BOOLEAN       NOT NULL,
    duration_ms     BIGINT        NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    mime_type       VARCHAR(64)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    filename        VARCHAR(255)  NOT NULL,
    page_count      INTEGER       NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    progress        INTEGER       NOT NULL,
    failure_reason  VARCHAR(500),
    attempts        INTEGER       NOT NULL,
    slide_bytes     BIGINT        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL
);
-- one index per filter and sort the listing offers
CREATE INDEX presentations_owner_created_idx ON presentations (owner_id, created_at);
CREATE INDEX presentations_visibility_created_idx ON presentations (visibility, created_at);
CREATE INDEX presentations_created_idx ON presentations (created_at);
CREATE INDEX presentations_title_idx ON presentations (title);
CREATE INDEX presentations_category_idx ON presentations (category);
CREATE INDEX presentations_sha_idx ON presentations (sha256);

CREATE TABLE presentation_tags (
    presentation_id  UUID         NOT NULL REFERENCES presentations (id) ON DELETE CASCADE,
    tag              VARCHAR(50)  NOT NULL,
    PRIMARY KEY (presentation_id, tag)
);
CREATE INDEX presentation_tags_tag_idx ON presentation_tags (tag);

-- One row per rendered page, all written in the transaction that marks the presentation ready.
CREATE TABLE presentation_slides (
    presentation_id  UUID          NOT NULL REFERENCES presentations (id) ON DELETE CASCADE,
    slide_number     INTEGER       NOT NULL,
    width            INTEGER       NOT NULL,
    height           INTEGER       NOT NULL,
    full_sha256      VARCHAR(64)   NOT NULL,
    full_bytes       BIGINT        NOT NULL,
    thumb_width      INTEGER       NOT NULL,
    thumb_height     INTEGER       NOT NULL,
    thumb_sha256     VARCHAR(64)   NOT NULL,
    thumb_bytes      BIGINT        NOT NULL,
    slide_text       VARCHAR(20000) NOT NULL,
    PRIMARY KEY (presentation_id, slide_number)
);
CREATE INDEX presentation_slides_full_idx ON presentation_slides (full_sha256);
CREATE INDEX presentation_slides_thumb_idx ON presentation_slides (thumb_sha256);
