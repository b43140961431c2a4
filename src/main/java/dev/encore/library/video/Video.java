package dev.encore.library.video;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import dev.encore.library.content.LibraryContent;
import dev.encore.library.content.StoredMedia;

/**
 * A video in a user's library, with its metadata, its stored original and what processing made of
 * it. The processing columns are never written through the entity (a metadata edit loaded before
 * the job moved on must not turn its state back): the job and the cancel and re-run requests change
 * them with conditional updates ({@link Videos}), and the outputs' rows are written by the job.
 */
@Entity
@Table(name = "videos")
public class Video extends LibraryContent {

    private String description;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "video_tags", joinColumns = @JoinColumn(name = "video_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();
    @Column(updatable = false)
    private Integer width;
    @Column(updatable = false)
    private Integer height;
    @Column(name = "frame_rate", updatable = false)
    private Double frameRate;
    @Column(name = "video_codec", updatable = false)
    private String videoCodec;
    @Column(name = "audio_codec", updatable = false)
    private String audioCodec;
    @Enumerated(EnumType.STRING)
    @Column(name = "processing_state", updatable = false)
    private ProcessingState processingState = ProcessingState.PROCESSING;
    @Column(updatable = false)
    private int progress;
    @Column(name = "failure_reason", updatable = false)
    private String failureReason;
    @Column(name = "processing_run", updatable = false)
    private int processingRun;
    @Column(name = "processing_attempts", updatable = false)
    private int processingAttempts;
    // read-only views of the rows the job writes (deleted with the video by the foreign keys)
    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "video_id", insertable = false, updatable = false)
    private List<VideoFile> files = new ArrayList<>();
    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "video_id", insertable = false, updatable = false)
    @OrderBy("height desc, name")
    private List<Rendition> renditions = new ArrayList<>();

    protected Video() {
    }

    public Video(UUID ownerId, StoredMedia media, Instant now) {
        super(ownerId, media, now);
    }

    public void describe(VideoDetails details, Instant now) {
        if (details.description() != null) {
            description = blankToNull(details.description());
        }
        describe(details.title(), details.category(), details.visibility(), details.tags(), details.featured(), now);
    }

    @Override
    protected Set<String> tagCollection() {
        return tags;
    }

    String description() {
        return description;
    }

    /** Its original and every processed output. */
    @Override
    public Stream<String> blobs() {
        return Stream.concat(super.blobs(), files.stream().map(VideoFile::sha256));
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public Double frameRate() {
        return frameRate;
    }

    public String videoCodec() {
        return videoCodec;
    }

    public String audioCodec() {
        return audioCodec;
    }

    public ProcessingState processingState() {
        return processingState;
    }

    /** Percent done, 0..100 (100 once ready). */
    public int progress() {
        return progress;
    }

    /** Why processing failed, in plain words; null unless failed. */
    public String failureReason() {
        return failureReason;
    }

    /** The current run of processing: 0, then one more per re-run. */
    public int processingRun() {
        return processingRun;
    }

    /** Jobs started for the current run (retries and restarts included). */
    public int processingAttempts() {
        return processingAttempts;
    }

    /** The processed outputs (empty until ready). */
    public List<VideoFile> files() {
        return files;
    }

    /** The HLS renditions, largest first, the audio-only one last (empty until ready). */
    public List<Rendition> renditions() {
        return renditions;
    }
}
