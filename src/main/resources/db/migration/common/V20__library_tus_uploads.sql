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

