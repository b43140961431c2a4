package dev.encore.library.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.encore.library.LibraryFixtures;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.ProblemAssert;
import dev.encore.support.TestAccounts.Account;

/** Browsing by artist, album and genre with counts of what the caller may list. */
class BrowseIT extends IntegrationTest {

    @TempDir
    static Path media;

    private LibraryFixtures library;

    @BeforeEach
    void fixtures() throws Exception {
        library = LibraryFixtures.of(api, media);
    }

    @Test
    void artistsAlbumsAndGenresAreCountedOverWhatTheCallerMayList() {
        Account owner = users.user();
        Account other = users.user();
        String artist = "Artist " + LibraryFixtures.uniqueWord(8);
        String genre = "Genre " + LibraryFixtures.uniqueWord(6);
        library.track(owner, "title", "One", "artist", artist, "album", "First", "genre", genre, "visibility", "public");
        library.track(owner, "title", "Two", "artist", artist, "album", "First", "genre", genre, "visibility", "public");
        library.track(owner, "title", "Three", "artist", artist, "album", "Second", "genre", genre);
        library.track(owner, "title", "Four", "artist", artist.toLowerCase(), "album", "second", "genre", genre);

        assertThat(count(owner, "/api/v1/artists?size=100", artist)).as("any case: one artist").isEqualTo(4);
        assertThat(count(other, "/api/v1/artists?size=100", artist)).as("private tracks are not counted").isEqualTo(2);
        assertThat(count(owner, "/api/v1/genres?size=100", genre)).isEqualTo(4);

        JsonNode albums = Api.json(api.get("/api/v1/albums?artist=" + artist.toUpperCase().replace(' ', '+'),
                owner.accessToken()));
        assertThat(albums.path("items").valueStream().map(album -> album.path("name").asString() + ":"
                + album.path("artist").asString() + ":" + album.path("trackCount").asLong()).toList())
                .isEqualTo(List.of("First:" + artist + ":2", "Second:" + artist + ":2"));
        assertThat(albums.path("totalItems").asLong()).isEqualTo(2);
        JsonNode firstPage = Api.json(api.get("/api/v1/albums?size=1&artist=" + artist.replace(' ', '+'),
                owner.accessToken()));
        assertThat(firstPage.path("totalItems").asLong()).as("counted, not just the page").isEqualTo(2);
        assertThat(firstPage.path("hasNext").asBoolean()).isTrue();
        assertThat(Api.json(api.get("/api/v1/albums?artist=" + artist.replace(' ', '+'), other.accessToken()))
                .path("totalItems").asLong()).isEqualTo(1);

        ProblemAssert.assertInvalidField(api.get("/api/v1/artists?sort=name", owner.accessToken()), "sort");
        ProblemAssert.assertInvalidField(api.get("/api/v1/genres?size=0", owner.accessToken()), "size");
    }

    @Test
    void albumsAndArtistsShowACoverOfOneOfTheirTracks() throws Exception {
        Account owner = users.user();
        Account other = users.user();
        String artist = "Artist " + LibraryFixtures.uniqueWord(8);
        library.track(owner, "title", "Plain", "artist", artist, "album", "Covered", "visibility", "public");
        JsonNode covered = library.trackWithCover(owner, "0x7f5af0", "0x2cb1bc", "title", "Pictured", "artist", artist,
                "album", "Covered");
        library.track(owner, "title", "Bare", "artist", artist, "album", "Bare", "visibility", "public");

        JsonNode albums = Api.json(api.get("/api/v1/albums?artist=" + artist.replace(' ', '+'), owner.accessToken()));
        assertThat(albums.path("items").valueStream().map(album -> album.path("name").asString() + ":"
                + album.path("coverUrl").asString(null)).toList())
                .isEqualTo(List.of("Bare:null", "Covered:" + covered.path("coverUrl").asString()));
        assertThat(api.get(covered.path("coverUrl").asString(), owner.accessToken()).statusCode()).isEqualTo(200);
        assertThat(entry(owner, "/api/v1/artists?size=100", artist).path("coverUrl").asString())
                .isEqualTo(covered.path("coverUrl").asString());
        assertThat(entry(other, "/api/v1/artists?size=100", artist).path("coverUrl").asString(null))
                .as("a private track's cover is not shown to others").isNull();
    }

    @Test
    void theTrackListingFiltersByTextInTitleArtistOrAlbum() {
        Account owner = users.user();
        String word = LibraryFixtures.uniqueWord(10);
        library.track(owner, "title", "Song " + word.toUpperCase(), "artist", "Someone");
        library.track(owner, "title", "Other", "artist", "The " + word, "album", "Any");
        library.track(owner, "title", "Third", "artist", "Someone", "album", "Best of " + word);
        library.track(owner, "title", "Unrelated 100%_", "artist", "Someone");

        JsonNode found = Api.json(api.get("/api/v1/tracks?sort=title&q=" + word.substring(2, 8),
                owner.accessToken()));
        assertThat(found.path("items").valueStream().map(track -> track.path("title").asString()).toList())
                .isEqualTo(List.of("Other", "Song " + word.toUpperCase(), "Third"));
        assertThat(Api.json(api.get("/api/v1/tracks?q=%25_&owner=" + owner.id(), owner.accessToken()))
                .path("totalItems").asLong()).as("%% and _ are matched as themselves").isEqualTo(1);
        ProblemAssert.assertInvalidField(api.get("/api/v1/tracks?q=" + "a".repeat(201), owner.accessToken()), "q");
    }

    /** The entry listed for {@code name}, paging through. */
    private JsonNode entry(Account viewer, String path, String name) {
        for (int page = 0;; page++) {
            JsonNode found = Api.json(api.get(path + "&page=" + page, viewer.accessToken()));
            var entry = found.path("items").valueStream().filter(item -> item.path("name").asString().equals(name))
                    .findFirst();
            if (entry.isPresent()) {
                return entry.get();
            }
            assertThat(found.path("hasNext").asBoolean()).as("%s is listed", name).isTrue();
        }
    }

    /** The count listed for {@code name}, paging through (the services database keeps earlier runs' content). */
    private long count(Account viewer, String path, String name) {
        for (int page = 0;; page++) {
            JsonNode found = Api.json(api.get(path + "&page=" + page, viewer.accessToken()));
            var entry = found.path("items").valueStream().filter(item -> item.path("name").asString().equals(name))
                    .findFirst();
            if (entry.isPresent()) {
                return entry.get().path("trackCount").asLong();
            }
            if (!found.path("hasNext").asBoolean()) {
                return 0;
            }
        }
    }
}
