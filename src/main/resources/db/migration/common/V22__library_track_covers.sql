-- Library: a track keeps the cover picture embedded in the upload it was saved from.
ALTER TABLE tracks ADD COLUMN cover_sha256 VARCHAR(64);
CREATE INDEX tracks_cover_idx ON tracks (cover_sha256);
