-- Delivery: transcoded renditions of stored audio, kept as blobs in the blob store and shared by
-- every node. One row per (source, format, bitrate): MAKING while one node transcodes it (others
-- wait for it), READY once its blob is stored, FAILED (briefly) when the source cannot be
-- transcoded, so that requests share the answer instead of running ffmpeg again each. The READY
-- rows are a least-recently-used cache bounded in bytes across the cluster.
CREATE TABLE renditions (
    rendition_key  VARCHAR(96)   NOT NULL PRIMARY KEY,
    source_sha256  VARCHAR(64)   NOT NULL,
    format         VARCHAR(8)    NOT NULL,
    bitrate        INTEGER       NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    claim_token    UUID          NOT NULL,
    claimed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    sha256         VARCHAR(64),
    size_bytes     BIGINT,
    created_at     TIMESTAMP WITH TIME ZONE,
    last_used_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX renditions_sha_idx ON renditions (sha256);
CREATE INDEX renditions_used_idx ON renditions (status, last_used_at);
