-- As V62, for the text a user names things with, whose limits now count characters (Unicode code
-- points) rather than UTF-16 units: a title of 255 emoji is 510 units, which H2 counts. Twice the
-- limit in units holds any text within it. The uploads' probed tags fill a track's title, artist,
-- album and genre, cut to the same limits; a track's or video's file name is its import file's (up
-- to 200 characters and an extension, as import_files.filename in V62), and its title by default.
-- PostgreSQL, which counts characters, needs no change.
ALTER TABLE playlists ALTER COLUMN name SET DATA TYPE VARCHAR(200);
ALTER TABLE playlists ALTER COLUMN description SET DATA TYPE VARCHAR(1000);
ALTER TABLE tracks ALTER COLUMN title SET DATA TYPE VARCHAR(510);
ALTER TABLE tracks ALTER COLUMN artist SET DATA TYPE VARCHAR(510);
ALTER TABLE tracks ALTER COLUMN album SET DATA TYPE VARCHAR(510);
ALTER TABLE tracks ALTER COLUMN genre SET DATA TYPE VARCHAR(100);
ALTER TABLE tracks ALTER COLUMN category SET DATA TYPE VARCHAR(100);
ALTER TABLE tracks ALTER COLUMN filename SET DATA TYPE VARCHAR(510);
ALTER TABLE track_tags ALTER COLUMN tag SET DATA TYPE VARCHAR(100);
ALTER TABLE uploads ALTER COLUMN title SET DATA TYPE VARCHAR(510);
ALTER TABLE uploads ALTER COLUMN artist SET DATA TYPE VARCHAR(510);
ALTER TABLE uploads ALTER COLUMN album SET DATA TYPE VARCHAR(510);
ALTER TABLE uploads ALTER COLUMN genre SET DATA TYPE VARCHAR(100);
ALTER TABLE videos ALTER COLUMN title SET DATA TYPE VARCHAR(510);
ALTER TABLE videos ALTER COLUMN description SET DATA TYPE VARCHAR(10000);
ALTER TABLE videos ALTER COLUMN category SET DATA TYPE VARCHAR(100);
ALTER TABLE videos ALTER COLUMN filename SET DATA TYPE VARCHAR(510);
ALTER TABLE video_tags ALTER COLUMN tag SET DATA TYPE VARCHAR(100);
ALTER TABLE presentations ALTER COLUMN title SET DATA TYPE VARCHAR(510);
ALTER TABLE presentations ALTER COLUMN description SET DATA TYPE VARCHAR(10000);
ALTER TABLE presentations ALTER COLUMN category SET DATA TYPE VARCHAR(100);
ALTER TABLE presentation_tags ALTER COLUMN tag SET DATA TYPE VARCHAR(100);
ALTER TABLE account_users ALTER COLUMN display_name SET DATA TYPE VARCHAR(200);
ALTER TABLE premieres ALTER COLUMN title SET DATA TYPE VARCHAR(510);
ALTER TABLE premieres ALTER COLUMN description SET DATA TYPE VARCHAR(10000);
