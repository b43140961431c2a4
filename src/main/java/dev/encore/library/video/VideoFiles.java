package dev.encore.library.video;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Processed outputs of videos ({@code video_files}). Plain statements rather than a Spring Data
 * aggregate: the rows are written once, in one batch of up to thousands (segments) when a video
 * becomes ready, and read one by one while it streams; they have a two-column key and are never
 * updated, and a save of the video must not rewrite them.
 */
@Repository
public class VideoFiles {

    private static final String COLUMNS = "video_id, name, sha256, size_bytes, mime_type";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    VideoFiles(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Inserts a ready video's outputs, in batches. */
    public void insertAll(List<VideoFile> files) {
        batches.batchUpdate("INSERT INTO video_files (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                files.stream().map(file -> new Object[] {file.videoId(), file.name(), file.sha256(), file.size(),
                        file.mimeType()}).toList());
    }

    public Optional<VideoFile> find(UUID videoId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM video_files WHERE video_id = :videoId AND name = :name")
                .param("videoId", videoId).param("name", name).query(VideoFiles::row).optional();
    }

    /** The blobs of a video's outputs. */
    public List<String> blobsOf(UUID videoId) {
        return jdbc.sql("SELECT sha256 FROM video_files WHERE video_id = :videoId").param("videoId", videoId)
                .query(String.class).list();
    }

    public boolean existsBySha256(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM video_files WHERE sha256 = :sha256").param("sha256", sha256)
                .query(Long.class).single() > 0;
    }

    /** The bytes of an owner's processed outputs, for the storage quota. */
    public long bytesOf(UUID ownerId) {
        return jdbc.sql("SELECT COALESCE(SUM(f.size_bytes), 0) FROM video_files f JOIN videos v ON v.id = f.video_id"
                + " WHERE v.owner_id = :ownerId").param("ownerId", ownerId).query(Long.class).single();
    }

    private static VideoFile row(ResultSet row, int number) throws SQLException {
        return new VideoFile(row.getObject("video_id", UUID.class), row.getString("name"), row.getString("sha256"),
                row.getLong("size_bytes"), row.getString("mime_type"));
    }
}
