-- Resumable (tus) uploads keep their bytes in the shared blob store, so any node takes any request
-- of any upload: each PATCH's bytes become one chunk (a part of the blob store), recorded here with
-- the new offset in one transaction; the last byte concatenates them into the upload pipeline.
-- One request at a time per upload holds the lease (lease_token until lease_until, renewed while
-- it works; a crashed node's lease runs out). pending_part names the part the lease holder is
-- writing: bytes it wrote but could not record are adopted by the next holder (the offset is where
-- the staged bytes end). staging_dir is no longer used (node-local staging before this version).
ALTER TABLE tus_uploads ALTER COLUMN staging_dir DROP NOT NULL;
ALTER TABLE tus_uploads ADD COLUMN lease_token UUID;
ALTER TABLE tus_uploads ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE tus_uploads ADD COLUMN pending_part VARCHAR(200);

CREATE TABLE tus_upload_chunks (
    upload_id     UUID          NOT NULL REFERENCES tus_uploads (id) ON DELETE CASCADE,
    start_offset  BIGINT        NOT NULL,
    chunk_size    BIGINT        NOT NULL,
    part_name     VARCHAR(200)  NOT NULL,
    PRIMARY KEY (upload_id, start_offset)
);
