-- Library: whether a video upload has a moving picture (ffprobe at upload); null for uploads made
-- before this was checked, which the processing job checks instead.
ALTER TABLE uploads ADD COLUMN has_video BOOLEAN;
