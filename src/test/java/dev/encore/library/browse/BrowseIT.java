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
