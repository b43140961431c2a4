package dev.encore.library.video;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.relational.core.mapping.InsertOnlyProperty;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.library.content.LibraryContent;
import dev.encore.library.content.StoredMedia;

/**
 * A video in a user's library, with its metadata, its stored original and what processing made of
 * it. The processing columns are never written through the entity (a metadata edit loaded before
 * the job moved on must not turn its state back): the job and the cancel and re-run requests change
 * them with conditional updates ({@link Videos}), so they are insert-only here; the outputs' rows
 * are written by the job and read on their own ({@link VideoFiles}, {@link VideoRenditions}): a
 * save of the video never touches them.
 */
@Table("videos")
public class Video extends LibraryContent {

    private String description;
    /** Saved with the video: its rows are replaced by every save. */
    @MappedCollection(idColumn = "video_id")
    private Set<Tag> tags = new LinkedHashSet<>();
    @InsertOnlyProperty
    private Integer width;
    @InsertOnlyProperty
    private Integer height;
    @InsertOnlyProperty
    private Double frameRate;
    @InsertOnlyProperty
    private String videoCodec;
    @InsertOnlyProperty
    private String audioCodec;
    @InsertOnlyProperty
    private ProcessingState processingState = ProcessingState.PROCESSING;
    @InsertOnlyProperty
    private int progress;
    @InsertOnlyProperty
    private String failureReason;
    @InsertOnlyProperty
    private int processingRun;
    @InsertOnlyProperty
    private int processingAttempts;

    /** For Spring Data, which fills the fields of one read from the database. */
    private Video() {
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
    protected Stream<String> tagNames() {
        return tags.stream().map(Tag::tag);
    }

    @Override
    protected void retag(Set<String> names) {
        tags = names.stream().map(Tag::new).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    String description() {
        return description;
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

    /** One row of {@code video_tags}. */
    @Table("video_tags")
    record Tag(String tag) {
    }
}
