package dev.encore.library.video;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One processed output of a video (a playlist, a segment, the poster, ...), stored as a blob.
 * Written only together with the rest of the video's outputs, when it becomes ready.
 */
@Entity
@Table(name = "video_files")
@IdClass(VideoFile.Key.class)
public class VideoFile {

    @Id
    @Column(name = "video_id")
    private UUID videoId;
    @Id
    private String name;
    private String sha256;
    @Column(name = "size_bytes")
    private long size;
    @Column(name = "mime_type")
    private String mimeType;

    protected VideoFile() {
    }

    /**
     * @param videoId  the video
     * @param name     relative name, e.g. {@code master.m3u8}, {@code 720p/seg-00001.m4s}, {@code poster.webp}
     * @param sha256   its blob
     * @param size     bytes
     * @param mimeType content type
     */
    public VideoFile(UUID videoId, String name, String sha256, long size, String mimeType) {
        this.videoId = videoId;
        this.name = name;
        this.sha256 = sha256;
        this.size = size;
        this.mimeType = mimeType;
    }

    public UUID videoId() {
        return videoId;
    }

    public String name() {
        return name;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The composite key. */
    public record Key(UUID videoId, String name) implements Serializable {

        public Key() {
            this(null, null);
        }
    }
}
