-- Library: video processing. A video is processed (HLS ladder, poster, thumbnail, storyboard) by a
-- JobRunr job; its state, progress and the source's picture facts live on the video. Videos saved
-- before processing existed start as PROCESSING too: the recurring sweep enqueues their job.
ALTER TABLE videos ADD COLUMN width INTEGER;
ALTER TABLE videos ADD COLUMN height INTEGER;
ALTER TABLE videos ADD COLUMN frame_rate DOUBLE PRECISION;
ALTER TABLE videos ADD COLUMN video_codec VARCHAR(32);
ALTER TABLE videos ADD COLUMN audio_codec VARCHAR(32);
ALTER TABLE videos ADD COLUMN processing_state VARCHAR(16) DEFAULT 'PROCESSING' NOT NULL;
ALTER TABLE videos ADD COLUMN progress INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE videos ADD COLUMN failure_reason VARCHAR(500);
-- which run of processing is current (0 first, +1 per re-run): names the run's job and fences older runs out
ALTER TABLE videos ADD COLUMN processing_run INTEGER DEFAULT 0 NOT NULL;
-- attempts of the current run (started jobs, retries and restarts included)
ALTER TABLE videos ADD COLUMN processing_attempts INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX videos_processing_idx ON videos (processing_state);

-- The processed outputs, each a blob; all of a video's rows are written in the transaction that
-- makes it READY, so no reader ever sees half a ladder.
CREATE TABLE video_files (
    video_id    UUID          NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    name        VARCHAR(64)   NOT NULL,
    sha256      VARCHAR(64)   NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    mime_type   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (video_id, name)
);
CREATE INDEX video_files_sha_idx ON video_files (sha256);

CREATE TABLE video_renditions (
    video_id           UUID              NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    name               VARCHAR(16)       NOT NULL,
    width              INTEGER           NOT NULL,
    height             INTEGER           NOT NULL,
    bandwidth          BIGINT            NOT NULL,
    average_bandwidth  BIGINT            NOT NULL,
    codecs             VARCHAR(64)       NOT NULL,
    frame_rate         DOUBLE PRECISION  NOT NULL,
    PRIMARY KEY (video_id, name)
);
