package dev.encore.library.track;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dev.encore.library.content.LibraryContent;
import dev.encore.library.content.StoredMedia;

/** A piece of audio in a user's library, with its metadata and its stored bytes. */
@Table("tracks")
public class Track extends LibraryContent implements TrackData {

    private String artist;
    private String album;
    private String genre;
    @Column("release_year")
    private Integer year;
    private String coverSha256;
    /** Saved with the track: its rows are replaced by every save. */
    @MappedCollection(idColumn = "track_id")
    private Set<Tag> tags = new LinkedHashSet<>();

    /** For Spring Data, which fills the fields of one read from the database. */
    private Track() {
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
    protected Stream<String> tagNames() {
        return tags.stream().map(Tag::tag);
    }

    @Override
    protected void retag(Set<String> names) {
        tags = names.stream().map(Tag::new).collect(Collectors.toCollection(LinkedHashSet::new));
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

    /** One row of {@code track_tags}. */
    @Table("track_tags")
    record Tag(String tag) {
    }
}
