package dev.encore.library.video;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Renditions of processed videos ({@code video_renditions}): written once when a video becomes
 * ready, read with it. Plain statements for the reasons {@link VideoFiles} gives.
 */
@Repository
public class VideoRenditions {

    private static final String COLUMNS = "video_id, name, width, height, bandwidth, average_bandwidth, codecs, "
            + "frame_rate";
    /** Largest first, the audio-only one (height 0) last. */
    private static final String ORDER = " ORDER BY height DESC, name";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    VideoRenditions(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    public void insertAll(List<Rendition> renditions) {
        batches.batchUpdate("INSERT INTO video_renditions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                renditions.stream().map(made -> new Object[] {made.videoId(), made.name(), made.width(),
                        made.height(), made.bandwidth(), made.averageBandwidth(), made.codecs(), made.frameRate()})
                        .toList());
    }

    /** A video's ladder, largest first, the audio-only rendition last. */
    public List<Rendition> of(UUID videoId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM video_renditions WHERE video_id = :videoId" + ORDER)
                .param("videoId", videoId).query(VideoRenditions::row).list();
    }

    /** The ladders of several videos (a page of them) with one query; a video without renditions is absent. */
    public Map<UUID, List<Rendition>> of(Collection<UUID> videoIds) {
        if (videoIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM video_renditions WHERE video_id IN (:ids)" + ORDER)
                .param("ids", videoIds).query(VideoRenditions::row).list().stream()
                .collect(Collectors.groupingBy(Rendition::videoId, Collectors.toList()));
    }

    private static Rendition row(ResultSet row, int number) throws SQLException {
        return new Rendition(row.getObject("video_id", UUID.class), row.getString("name"), row.getInt("width"),
                row.getInt("height"), row.getLong("bandwidth"), row.getLong("average_bandwidth"),
                row.getString("codecs"), row.getDouble("frame_rate"));
    }
}
