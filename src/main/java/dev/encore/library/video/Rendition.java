package dev.encore.library.video;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.encore.media.VideoRendition;

/** One rendition of a processed video's HLS ladder ({@code 720p}, ..., {@code audio}). */
@Entity
@Table(name = "video_renditions")
@IdClass(Rendition.Key.class)
public class Rendition {

    @Id
    @Column(name = "video_id")
    private UUID videoId;
    @Id
    private String name;
    private int width;
    private int height;
    private long bandwidth;
    @Column(name = "average_bandwidth")
    private long averageBandwidth;
    private String codecs;
    @Column(name = "frame_rate")
    private double frameRate;

    protected Rendition() {
    }

    public Rendition(UUID videoId, VideoRendition made) {
        this.videoId = videoId;
        this.name = made.name();
        this.width = made.width();
        this.height = made.height();
        this.bandwidth = made.bandwidth();
        this.averageBandwidth = made.averageBandwidth();
        this.codecs = made.codecs();
        this.frameRate = made.frameRate();
    }

    public String name() {
        return name;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public long bandwidth() {
        return bandwidth;
    }

    public long averageBandwidth() {
        return averageBandwidth;
    }

    public String codecs() {
        return codecs;
    }

    public double frameRate() {
        return frameRate;
    }

    /** The composite key. */
    public record Key(UUID videoId, String name) implements Serializable {

        public Key() {
            this(null, null);
        }
    }
}
