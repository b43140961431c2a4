package dev.encore.library.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.library.Viewer;
import dev.encore.library.Visibility;
import dev.encore.library.content.StoredMedia;
import dev.encore.support.IntegrationTest;

/**
 * The listing's plain SQL ({@link TrackListing}) selects, orders and counts exactly what the
 * criteria form of the same rules ({@link TrackFilter#forViewer}, which the search composes)
 * selects: for every filter, for owners, other users and admins, in every sort order, across pages.
 */
class TrackListingIT extends IntegrationTest {

    @Autowired
    private Tracks tracks;
    @Autowired
    private TrackListing listing;
    @Autowired
    private TransactionTemplate transactions;

    private Viewer owner;
    private Viewer other;
    private Viewer admin;
    /** In every title, so that the comparison is about this test's tracks (the services run keeps rows). */
    private String marker;
    private Instant start;

    @BeforeEach
    void library() {
        owner = new Viewer(UUID.fromString(users.user().id()), false);
        other = new Viewer(UUID.fromString(users.user().id()), false);
        admin = new Viewer(UUID.fromString(users.admin().id()), true);
        marker = "lst" + UUID.randomUUID().toString().substring(0, 8);
        start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        transactions.executeWithoutResult(status -> {
            save(owner, 0, "Night Drive", "Filter Band", "Roads", "Jazz", 1999, "live", Visibility.PUBLIC, "night", "car");
            save(owner, 1, "Morning 50% Off_sale", "filter band", null, "Rock", 2010, null, Visibility.PRIVATE, "day");
            save(owner, 2, "Back\\slash", "Other Artist", "Roads", null, null, "studio", Visibility.UNLISTED);
            save(other, 3, "Quiet Hours", "Someone", "Hours", "jazz", 2001, "live", Visibility.PUBLIC, "night");
            save(other, 4, "Hidden", "Someone", null, "Ambient", 2020, null, Visibility.PRIVATE);
            save(other, 5, "Half Open", "Filter Band", "Roads", "Rock", 1980, "studio", Visibility.UNLISTED, "car");
            for (int n = 6; n < 13; n++) {
                save(n % 2 == 0 ? owner : other, n, "Filler " + n, "Band " + (n % 3), null, null, 1990 + n, null,
                        Visibility.PUBLIC);
            }
        });
    }

    @Test
    void everyFilterSelectsWhatTheCriteriaFormSelects() {
        List<TrackFilter> filters = new ArrayList<>();
        // without an owner filter the marker keeps the comparison to this test's tracks
        filters.add(text(marker));
        filters.add(text("drive " + marker));
        filters.add(new TrackFilter(null, null, null, "night", null, null, null, null, null, null, null, marker));
        filters.add(new TrackFilter(null, null, null, null, null, 2000, null, null, null, null, null, marker));
        // the others within one of this test's owners, who have no other tracks
        for (UUID who : List.of(owner.userId(), other.userId())) {
            filters.add(owned(who, null, null, null, null, null, null, null, null, null, null, null));
            filters.add(owned(who, null, null, null, null, null, null, null, null, null, null, "FILTER band"));
            filters.add(owned(who, null, null, null, null, null, null, null, null, null, null, "50%"));
            filters.add(owned(who, null, null, null, null, null, null, null, null, null, null, "off_s"));
            filters.add(owned(who, null, null, null, null, null, null, null, null, null, null, "\\"));
            filters.add(owned(who, null, null, null, null, null, null, null, null, null, null, "  roads  "));
            filters.add(owned(who, "filter band", null, null, null, null, null, null, null, null, null, null));
            filters.add(owned(who, null, "ROADS", null, null, null, null, null, null, null, null, null));
            filters.add(owned(who, null, null, "jazz", null, null, null, null, null, null, null, null));
            filters.add(owned(who, null, null, null, "car", "studio", null, null, null, null, null, null));
            filters.add(owned(who, null, null, null, null, null, 1995, 2005, null, null, null, null));
            filters.add(owned(who, null, null, null, null, null, null, null, start.plusSeconds(3),
                    start.plusSeconds(9), null, null));
            filters.add(owned(who, null, null, null, null, null, null, null, null, null, Visibility.UNLISTED, null));
            filters.add(owned(who, null, null, null, null, null, null, null, null, null, Visibility.PRIVATE, null));
        }
        for (Viewer viewer : List.of(owner, other, admin)) {
            for (TrackFilter filter : filters) {
                for (Sort sort : List.of(Sort.by(Sort.Direction.DESC, "createdAt"), Sort.by("title"),
                        Sort.by(Sort.Direction.DESC, "durationMs"))) {
                    for (int page = 0; page < 2; page++) {
                        assertSamePage(viewer, filter, PageRequest.of(page, 4, sort));
                    }
                }
            }
        }
        assertThat(listing.page(other, owned(owner.userId(), null, null, null, null, null, null, null, null, null,
                null, null), PageRequest.of(0, 100)).getContent()).as("another's: only the public ones")
                .extracting(ListedTrack::visibility).containsOnly(Visibility.PUBLIC).hasSize(5);
    }

    @Test
    void sortOrdersWithTiesAndEmptyValuesAgree() {
        // artist, album and year repeat or are empty: compare the sort keys, then the members
        for (Viewer viewer : List.of(owner, admin)) {
            for (Sort sort : List.of(Sort.by("artist"), Sort.by(Sort.Direction.DESC, "album"), Sort.by("year"),
                    Sort.by("artist").and(Sort.by(Sort.Direction.DESC, "year")))) {
                Pageable all = PageRequest.of(0, 100, sort);
                Page<ListedTrack> plain = listing.page(viewer, text(marker), all);
                Page<Track> criteria = criteria(viewer, text(marker), all);
                Function<TrackData, String> key = track -> track.artist() + "|" + track.album() + "|" + track.year();
                if (sort.getOrderFor("artist") != null && sort.getOrderFor("year") != null) {
                    assertThat(plain.getContent()).map(key).containsExactlyElementsOf(criteria.map(key).toList());
                }
                assertThat(plain.getContent()).map(ListedTrack::id)
                        .containsExactlyInAnyOrderElementsOf(criteria.map(Track::id).toList());
            }
        }
    }

    @Test
    void aListedTrackHasTheEntitysFieldsAndTags() {
        Page<ListedTrack> plain = listing.page(owner, text("night drive " + marker), PageRequest.of(0, 10));
        Page<Track> criteria = criteria(owner, text("night drive " + marker), PageRequest.of(0, 10));
        assertThat(plain.getContent()).singleElement().satisfies(listed -> {
            Track track = criteria.getContent().getFirst();
            assertThat(listed.sortedTags()).containsExactly("car", "night");
            assertThat(listed).usingRecursiveComparison().isEqualTo(new ListedTrack(track.id(), track.ownerId(),
                    track.title(), track.artist(), track.album(), track.genre(), track.year(), track.category(),
                    track.sortedTags(), track.visibility(), track.featured(), track.durationMs(), track.mimeType(),
                    track.size(), track.coverSha256(), track.createdAt(), track.updatedAt(), track.version()));
        });
    }

    private void assertSamePage(Viewer viewer, TrackFilter filter, Pageable pageable) {
        Page<ListedTrack> plain = listing.page(viewer, filter, pageable);
        Page<Track> criteria = criteria(viewer, filter, pageable);
        String what = viewer + " " + filter + " " + pageable;
        assertThat(plain.getContent()).as(what).map(ListedTrack::id)
                .containsExactlyElementsOf(criteria.map(Track::id).toList());
        assertThat(plain.getTotalElements()).as(what).isEqualTo(criteria.getTotalElements());
    }

    private Page<Track> criteria(Viewer viewer, TrackFilter filter, Pageable pageable) {
        return transactions.execute(status -> {
            Page<Track> page = tracks.findAll(filter.forViewer(viewer), pageable);
            page.forEach(Track::sortedTags);
            return page;
        });
    }

    private static TrackFilter text(String text) {
        return new TrackFilter(null, null, null, null, null, null, null, null, null, null, null, text);
    }

    private static TrackFilter owned(UUID owner, String artist, String album, String genre, String tag,
            String category, Integer yearFrom, Integer yearTo, Instant createdFrom, Instant createdTo,
            Visibility visibility, String text) {
        return new TrackFilter(artist, album, genre, tag, category, yearFrom, yearTo, createdFrom, createdTo,
                visibility, owner, text);
    }

    private void save(Viewer who, int n, String title, String artist, String album, String genre, Integer year,
            String category, Visibility visibility, String... tags) {
        Instant created = start.plusSeconds(n);
        Track track = new Track(who.userId(), new StoredMedia("0".repeat(63) + (n % 10), "audio/ogg",
                1000L + n, 60_000L + 1000L * ((n * 7) % 13), "t" + n + ".ogg"), created);
        track.describe(new TrackDetails(title + " " + marker, artist, album, genre, year, category, visibility,
                List.of(tags), null, null, null), created);
        tracks.save(track);
    }
}
