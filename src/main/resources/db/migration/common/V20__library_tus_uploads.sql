-- Resumable (tus) uploads: the declared length is reserved in the quotas until every byte has
-- arrived; the bytes wait in a staging directory; upload_id names the upload they became.
CREATE TABLE tus_uploads (
    id             UUID           NOT NULL PRIMARY KEY,
    owner_id       UUID           NOT NULL,
    upload_length  BIGINT         NOT NULL,
    upload_offset  BIGINT         NOT NULL,
    filename       VARCHAR(255)   NOT NULL,
    staging_dir    VARCHAR(1024)  NOT NULL,
    upload_id      UUID,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tus_uploads_owner_created_idx ON tus_uploads (owner_id, created_at);
CREATE INDEX tus_uploads_expires_idx ON tus_uploads (expires_at);

-- What ffprobe adds about uploads, and the embedded cover picture stored as a blob of its own.
ALTER TABLE uploads ADD COLUMN codec VARCHAR(32);
ALTER TABLE uploads ADD COLUMN bit_rate BIGINT;
ALTER TABLE uploads ADD COLUMN track_number INTEGER;
ALTER TABLE uploads ADD COLUMN cover_sha256 VARCHAR(64);
CREATE INDEX uploads_cover_sha_idx ON uploads (cover_sha256);
