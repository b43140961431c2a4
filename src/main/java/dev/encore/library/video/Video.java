package dev.encore.library.video;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import dev.encore.library.content.LibraryContent;
import dev.encore.library.content.StoredMedia;

/** A video in a user's library, with its metadata and its stored bytes. */
@Entity
@Table(name = "videos")
public class Video extends LibraryContent {

    private String description;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "video_tags", joinColumns = @JoinColumn(name = "video_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();

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
}
