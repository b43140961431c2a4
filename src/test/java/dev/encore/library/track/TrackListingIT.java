package dev.encore.library.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * The listing ({@link TrackListing}, the rules in {@link TrackFilter#where}) selects, orders and
 * counts what the rules say, checked against the same rules written out in Java over the tracks
 * this test stored: for every filter, for owners, other users and admins, in every sort order,
 * across pages.
 */
class TrackListingIT extends IntegrationTest {

    @Autowired
    private Tracks tracks;
    @Autowired
    private TrackListing listing;
    @Autowired
    private TransactionTemplate transactions;

    /** What this test stored, as the listing should see it. */
    private final List<Track> stored = new ArrayList<>();

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
    void everyFilterSelectsWhatTheRulesSay() {
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
    void sortOrdersWithTiesAndEmptyValuesKeepTheirOrder() {
        // artist, album and year repeat or are empty: where empty values go and how "Filter Band" and
        // "filter band" order is the database's collation; the non-empty keys must follow the sort
        for (Viewer viewer : List.of(owner, admin)) {
            for (Sort sort : List.of(Sort.by("artist"), Sort.by(Sort.Direction.DESC, "album"), Sort.by("year"),
                    Sort.by(Sort.Direction.DESC, "year"))) {
                Sort.Order order = sort.iterator().next();
                Page<ListedTrack> plain = listing.page(viewer, text(marker), PageRequest.of(0, 100, sort));
                assertThat(plain.getContent()).map(ListedTrack::id)
                        .containsExactlyInAnyOrderElementsOf(expected(viewer, text(marker)).stream().map(Track::id)
                                .toList());
                Function<TrackData, Comparable<?>> key = switch (order.getProperty()) {
                    case "artist" -> TrackData::artist;
                    case "album" -> TrackData::album;
                    default -> TrackData::year;
                };
                List<Comparable<?>> keys = plain.getContent().stream().<Comparable<?>>map(key::apply)
                        .filter(value -> value != null).toList();
                // byte order (H2, PostgreSQL's C collation) or letters first, case second (a language's collation)
                Comparator<Comparable<?>> bytes = TrackListingIT::compare;
                Comparator<Comparable<?>> letters = (a, b) -> a instanceof String x && b instanceof String y
                        ? x.compareToIgnoreCase(y) : compare(a, b);
                assertThat(sorted(keys, order.isAscending() ? bytes : bytes.reversed())
                        || sorted(keys, order.isAscending() ? letters : letters.reversed())).as(sort + ": " + keys)
                        .isTrue();
            }
        }
    }

    private static boolean sorted(List<Comparable<?>> keys, Comparator<Comparable<?>> order) {
        for (int n = 1; n < keys.size(); n++) {
            if (order.compare(keys.get(n - 1), keys.get(n)) > 0) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable a, Comparable b) {
        return a.compareTo(b);
    }

    @Test
    void aListedTrackHasTheEntitysFieldsAndTags() {
        Page<ListedTrack> plain = listing.page(owner, text("night drive " + marker), PageRequest.of(0, 10));
        assertThat(plain.getContent()).singleElement().satisfies(listed -> {
            Track track = tracks.findById(listed.id()).orElseThrow();
            assertThat(listed.sortedTags()).containsExactly("car", "night");
            assertThat(listed).usingRecursiveComparison().isEqualTo(new ListedTrack(track.id(), track.ownerId(),
                    track.title(), track.artist(), track.album(), track.genre(), track.year(), track.category(),
                    track.sortedTags(), track.visibility(), track.featured(), track.durationMs(), track.mimeType(),
                    track.size(), track.coverSha256(), track.createdAt(), track.updatedAt(), track.version()));
        });
    }

    private void assertSamePage(Viewer viewer, TrackFilter filter, Pageable pageable) {
        Page<ListedTrack> plain = listing.page(viewer, filter, pageable);
        List<Track> all = expected(viewer, filter);
        Sort.Order order = pageable.getSort().iterator().next();
        Comparator<Track> by = switch (order.getProperty()) {
            case "createdAt" -> Comparator.comparing(Track::createdAt);
            case "title" -> Comparator.comparing(Track::title);
            default -> Comparator.comparingLong(Track::durationMs);
        };
        List<UUID> page = all.stream().sorted(order.isAscending() ? by : by.reversed()).skip(pageable.getOffset())
                .limit(pageable.getPageSize()).map(Track::id).toList();
        String what = viewer + " " + filter + " " + pageable;
        assertThat(plain.getContent()).as(what).map(ListedTrack::id).containsExactlyElementsOf(page);
        assertThat(plain.getTotalElements()).as(what).isEqualTo(all.size());
    }

    /** The rules, written out: what the viewer may list (theirs, public ones, all for admins), then each filter. */
    private List<Track> expected(Viewer viewer, TrackFilter filter) {
        return stored.stream()
                .filter(track -> viewer.admin() || track.ownerId().equals(viewer.userId())
                        || track.visibility() == Visibility.PUBLIC)
                .filter(track -> filter.owner() == null || track.ownerId().equals(filter.owner()))
                .filter(track -> filter.artist() == null || track.artist().equalsIgnoreCase(filter.artist()))
                .filter(track -> filter.album() == null || filter.album().equalsIgnoreCase(track.album()))
                .filter(track -> filter.genre() == null || filter.genre().equalsIgnoreCase(track.genre()))
                .filter(track -> filter.tag() == null || track.sortedTags().contains(filter.tag()))
                .filter(track -> filter.category() == null || filter.category().equals(track.category()))
                .filter(track -> filter.yearFrom() == null || track.year() != null && track.year() >= filter.yearFrom())
                .filter(track -> filter.yearTo() == null || track.year() != null && track.year() <= filter.yearTo())
                .filter(track -> filter.createdFrom() == null || !track.createdAt().isBefore(filter.createdFrom()))
                .filter(track -> filter.createdTo() == null || track.createdAt().isBefore(filter.createdTo()))
                .filter(track -> filter.visibility() == null || track.visibility() == filter.visibility())
                .filter(track -> filter.text() == null || contains(track.title(), filter.text())
                        || contains(track.artist(), filter.text()) || contains(track.album(), filter.text()))
                .toList();
    }

    private static boolean contains(String field, String text) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT));
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
        stored.add(tracks.save(track));
    }
}
