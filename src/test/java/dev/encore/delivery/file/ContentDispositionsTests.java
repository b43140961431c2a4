package dev.encore.delivery.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Download names in headers and zip entries, whatever a title holds. */
class ContentDispositionsTests {

    @Test
    void theHeaderCarriesAnAsciiFallbackAndTheExactNameEncoded() {
        assertThat(ContentDispositions.attachment("Café \"live\".mp3"))
                .isEqualTo("attachment; filename=\"Caf_ _live_.mp3\"; filename*=UTF-8''Caf%C3%A9%20%22live%22.mp3");
    }

    @Test
    void separatorsControlsAndBidirectionalOverridesNeverReachTheName() {
        assertThat(ContentDispositions.safeName("../a/b\\c:d.mp3")).isEqualTo("__a_b_c_d.mp3");
        assertThat(ContentDispositions.safeName("line\r\nX-Header: y.mp3")).isEqualTo("line__X-Header_ y.mp3");
        assertThat(ContentDispositions.safeName("invoice\u202Egpj.exe.mp3")).isEqualTo("invoice_gpj.exe.mp3");
        assertThat(ContentDispositions.safeName("a\u2067b\u2069.mp3")).isEqualTo("a_b_.mp3");
        assertThat(ContentDispositions.safeName("\u05E9\u05DC\u05D5\u05DD\u200F.mp3")).contains("\u200F");
        assertThat(ContentDispositions.safeName(" .. ")).isEqualTo("_");
        assertThat(ContentDispositions.safeName("...")).isEqualTo("_.");
        assertThat(ContentDispositions.safeName("")).isEqualTo("download");
    }

    @Test
    void zipEntriesAreUniqueIgnoringCase() {
        Set<String> used = new HashSet<>();
        assertThat(ContentDispositions.uniqueEntryName("Song.mp3", used)).isEqualTo("Song.mp3");
        assertThat(ContentDispositions.uniqueEntryName("song.mp3", used)).isEqualTo("song (2).mp3");
        assertThat(ContentDispositions.uniqueEntryName("a\u202Eb.mp3", used)).isEqualTo("a_b.mp3");
    }
}
