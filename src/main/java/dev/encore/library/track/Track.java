package dev.encore.library.track;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import dev.encore.library.content.LibraryContent;
import dev.encore.library.content.StoredMedia;

/** A piece of audio in a user's library, with its metadata and its stored bytes. */
@Entity
@Table(name = "tracks")
public class Track extends LibraryContent implements TrackData {

    private String artist;
    private String album;
    private String genre;
    @Column(name = "release_year")
    private Integer year;
    @Column(name = "cover_sha256")
    private String coverSha256;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "track_tags", joinColumns = @JoinColumn(name = "track_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();

    protected Track() {
    }

    public Track(UUID ownerId, StoredMedia media, Instant now) {
        super(ownerId, media, now);
    }

    public void describe(TrackDetails details, Instant now) {
        if (details.artist() != null) {
            artist = details.artist().strip();
        }
        if (details.album() != null) {
            album = blankToNull(details.album());
        }
        if (details.genre() != null) {
            genre = blankToNull(details.genre());
        }
        if (details.year() != null) {
            year = details.year();
        }
        describe(details.title(), details.category(), details.visibility(), details.tags(), details.featured(), now);
    }

    /** The blob of its cover picture (from the upload it was saved from), or null. */
    public void cover(String sha256) {
        coverSha256 = sha256;
    }

    @Override
    protected Set<String> tagCollection() {
        return tags;
    }

    public String artist() {
        return artist;
    }

    public String album() {
        return album;
    }

    public String genre() {
        return genre;
    }

    public Integer year() {
        return year;
    }

    @Override
    public Stream<String> blobs() {
        return coverSha256 == null ? super.blobs() : Stream.concat(super.blobs(), Stream.of(coverSha256));
    }

    public String coverSha256() {
        return coverSha256;
    }
}
