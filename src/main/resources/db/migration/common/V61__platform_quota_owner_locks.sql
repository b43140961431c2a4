-- One lock row per user for every quota check (imports and uploads alike), locked with
-- SELECT … FOR UPDATE in the transaction that checks and writes. It replaces the two per-module
-- tables, whose separate locks let an import be filed while an upload was admitted.
CREATE TABLE quota_owner_locks (
    owner_id  UUID NOT NULL PRIMARY KEY
);
DROP TABLE import_owner_locks;
DROP TABLE upload_owner_locks;
