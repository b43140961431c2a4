-- Ingest: why an import or item failed, in words to show (made by Encore, never a tool's output),
-- next to the code to branch on; shared failures pass theirs on to waiting imports. A playlist
-- import keeps the playlist's title (its zip is named after it).
ALTER TABLE imports ADD COLUMN error_message VARCHAR(300);
ALTER TABLE imports ADD COLUMN title VARCHAR(500);
ALTER TABLE import_items ADD COLUMN error_message VARCHAR(300);
ALTER TABLE import_artifacts ADD COLUMN error_message VARCHAR(300);
