-- The listing filters and browse lists compare artist, album and genre in any case: PostgreSQL
-- needs expression indexes for that (H2, embedded, has none and scans its small tables).
CREATE INDEX tracks_artist_lower_idx ON tracks (lower(artist));
CREATE INDEX tracks_album_lower_idx ON tracks (lower(album));
CREATE INDEX tracks_genre_lower_idx ON tracks (lower(genre));
