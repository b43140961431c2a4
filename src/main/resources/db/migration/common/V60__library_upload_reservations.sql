-- Serializes one user's upload quota checks across nodes: the row is locked (SELECT … FOR UPDATE)
-- in the transaction that checks the quotas and writes what makes the new upload count.
CREATE TABLE upload_owner_locks (
    owner_id  UUID NOT NULL PRIMARY KEY
);

-- The size of a single-request upload, held in the quotas from its admission until it is stored
-- as an upload or refused; one left by a node that died mid-upload stops counting at expires_at.
CREATE TABLE upload_reservations (
    id          UUID    NOT NULL PRIMARY KEY,
    owner_id    UUID    NOT NULL,
    size_bytes  BIGINT  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX upload_reservations_owner_idx ON upload_reservations (owner_id, expires_at);
CREATE INDEX upload_reservations_expires_idx ON upload_reservations (expires_at);
