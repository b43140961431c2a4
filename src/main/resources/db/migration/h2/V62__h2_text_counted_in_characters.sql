-- H2 counts a VARCHAR's length in UTF-16 units, PostgreSQL in characters. These columns hold text
-- whose limit Encore counts in characters (a room's name, an import's custom name and file name, a
-- chat message), so on H2 a name of emoji (two units each) within the limit failed at the insert
-- (a 500). Twice the limit in units holds any text within it. PostgreSQL needs no change.
ALTER TABLE rooms ALTER COLUMN name SET DATA TYPE VARCHAR(200);
ALTER TABLE imports ALTER COLUMN custom_name SET DATA TYPE VARCHAR(400);
ALTER TABLE import_files ALTER COLUMN filename SET DATA TYPE VARCHAR(510);
ALTER TABLE live_chat_messages ALTER COLUMN text SET DATA TYPE VARCHAR(4000);
