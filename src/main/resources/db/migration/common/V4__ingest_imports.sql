-- Ingest: URL imports, their items, the files they produce, and the shared artifacts that let
-- identical requests (any user) download and convert once.
CREATE TABLE imports (
    id                  UUID          NOT NULL PRIMARY KEY,
    owner_id            UUID          NOT NULL,
    kind                VARCHAR(16)   NOT NULL,
    format              VARCHAR(8)    NOT NULL,
    source_url          VARCHAR(2048),
    custom_name         VARCHAR(200),
    status              VARCHAR(16)   NOT NULL,
    progress            INTEGER       NOT NULL,
    phase               VARCHAR(16),
    error_code          VARCHAR(32),
    attempts            INTEGER       NOT NULL,
    transient_failures  INTEGER       NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX imports_owner_created_idx ON imports (owner_id, created_at);
CREATE INDEX imports_owner_status_idx ON imports (owner_id, status);
CREATE INDEX imports_status_idx ON imports (status);

CREATE TABLE import_items (
    id          UUID          NOT NULL PRIMARY KEY,
    import_id   UUID          NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    position    INTEGER       NOT NULL,
    url         VARCHAR(2048) NOT NULL,
    title       VARCHAR(500),
    status      VARCHAR(16)   NOT NULL,
    progress    INTEGER       NOT NULL,
    error_code  VARCHAR(32),
    file_id     UUID,
    CONSTRAINT import_items_position_uq UNIQUE (import_id, position)
);

CREATE TABLE import_files (
    id           UUID          NOT NULL PRIMARY KEY,
    owner_id     UUID          NOT NULL,
    import_id    UUID          NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    item_id      UUID          NOT NULL,
    filename     VARCHAR(255)  NOT NULL,
    mime_type    VARCHAR(64)   NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       VARCHAR(64)      NOT NULL,
    duration_ms  BIGINT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX import_files_owner_idx ON import_files (owner_id, expires_at);
CREATE INDEX import_files_expires_idx ON import_files (expires_at);
CREATE INDEX import_files_sha_idx ON import_files (sha256);
CREATE INDEX import_files_import_idx ON import_files (import_id);

-- One row per (canonical source, format): FETCHING while one worker produces it (others wait),
-- READY once stored, FAILED (briefly) so waiters share a permanent error instead of refetching.
CREATE TABLE import_artifacts (
    artifact_key  VARCHAR(600)  NOT NULL PRIMARY KEY,
    status        VARCHAR(16)   NOT NULL,
    claim_token   UUID          NOT NULL,
    claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    sha256        VARCHAR(64),
    size_bytes    BIGINT,
    duration_ms   BIGINT,
    title         VARCHAR(500),
    error_code    VARCHAR(32),
    expires_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX import_artifacts_sha_idx ON import_artifacts (sha256);

-- Serializes one owner's admission checks (running cap, quota) across nodes.
CREATE TABLE import_owner_locks (
    owner_id  UUID NOT NULL PRIMARY KEY
);
