package dev.encore.library.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PlaylistTests {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);
    private static final UUID OWNER = UUID.randomUUID();

    @Test
    void aNewPlaylistIsEmptyWithItsNameStripped() {
        Playlist playlist = new Playlist(OWNER, "  Road trip ", "songs", false, CREATED);
        assertThat(playlist.id()).isNotNull();
        assertThat(playlist.ownerId()).isEqualTo(OWNER);
        assertThat(playlist.name()).isEqualTo("Road trip");
        assertThat(playlist.description()).isEqualTo("songs");
        assertThat(playlist.isPublic()).isFalse();
        assertThat(playlist.items()).isEmpty();
        assertThat(playlist.shareToken()).isNull();
        assertThat(playlist.createdAt()).isEqualTo(CREATED);
        assertThat(playlist.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void addsAtTheEndUnlessGivenAPositionAndNumbersTheItemsFromZero() {
        Playlist playlist = playlist();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID between = UUID.randomUUID();
        playlist.add(first, null, CREATED);
        playlist.add(second, null, CREATED);
        PlaylistItem added = playlist.add(between, 1, LATER);

        assertThat(added.trackId()).isEqualTo(between);
        assertThat(trackIds(playlist)).containsExactly(first, between, second);
        assertThat(playlist.items()).extracting(PlaylistItem::position).containsExactly(0, 1, 2);
        assertThat(playlist.updatedAt()).as("a change of the items is a change of the playlist").isEqualTo(LATER);
    }

    @Test
    void addsAtEitherEndButNeverOutsideTheList() {
        Playlist playlist = playlist();
        UUID middle = UUID.randomUUID();
        UUID front = UUID.randomUUID();
        UUID back = UUID.randomUUID();
        playlist.add(middle, null, CREATED);
        playlist.add(front, 0, CREATED);
        playlist.add(back, 2, CREATED);
        assertThat(trackIds(playlist)).containsExactly(front, middle, back);

        assertThatThrownBy(() -> playlist.add(UUID.randomUUID(), -1, LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> playlist.add(UUID.randomUUID(), 4, LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(trackIds(playlist)).containsExactly(front, middle, back);
        assertThat(playlist.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void theSameTrackMayStandTwiceAsTwoItems() {
        Playlist playlist = playlist();
        UUID track = UUID.randomUUID();
        PlaylistItem once = playlist.add(track, null, CREATED);
        PlaylistItem twice = playlist.add(track, null, CREATED);
        assertThat(once.id()).isNotEqualTo(twice.id());
        assertThat(trackIds(playlist)).containsExactly(track, track);
    }

    @Test
    void removesAnItemAndClosesTheGap() {
        Playlist playlist = playlist();
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        playlist.add(first, null, CREATED);
        PlaylistItem middle = playlist.add(UUID.randomUUID(), null, CREATED);
        playlist.add(last, null, CREATED);

        assertThat(playlist.remove(middle.id(), LATER)).isTrue();
        assertThat(trackIds(playlist)).containsExactly(first, last);
        assertThat(playlist.items()).extracting(PlaylistItem::position).containsExactly(0, 1);
        assertThat(playlist.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void removingAnItemItDoesNotHoldChangesNothing() {
        Playlist playlist = playlist();
        playlist.add(UUID.randomUUID(), null, CREATED);
        assertThat(playlist.remove(UUID.randomUUID(), LATER)).isFalse();
        assertThat(playlist.items()).hasSize(1);
        assertThat(playlist.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void aDeletedTrackLeavesWithEveryItemOfItAndTheRestCloseUp() {
        Playlist playlist = playlist();
        UUID gone = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        playlist.add(gone, null, CREATED);
        playlist.add(first, null, CREATED);
        playlist.add(gone, null, CREATED);
        playlist.add(last, null, CREATED);

        assertThat(playlist.removeTracks(Set.of(gone, UUID.randomUUID()), LATER)).isTrue();
        assertThat(trackIds(playlist)).containsExactly(first, last);
        assertThat(playlist.items()).extracting(PlaylistItem::position).containsExactly(0, 1);
        assertThat(playlist.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void removingTracksItDoesNotHoldChangesNothing() {
        Playlist playlist = playlist();
        playlist.add(UUID.randomUUID(), null, CREATED);
        assertThat(playlist.removeTracks(Set.of(UUID.randomUUID()), LATER)).isFalse();
        assertThat(playlist.items()).hasSize(1);
        assertThat(playlist.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void reordersWhenTheOrderNamesEveryItemOnce() {
        Playlist playlist = playlist();
        PlaylistItem a = playlist.add(UUID.randomUUID(), null, CREATED);
        PlaylistItem b = playlist.add(UUID.randomUUID(), null, CREATED);
        PlaylistItem c = playlist.add(UUID.randomUUID(), null, CREATED);

        assertThat(playlist.reorder(List.of(c.id(), a.id(), b.id()), LATER)).isTrue();
        assertThat(playlist.items()).extracting(PlaylistItem::id).containsExactly(c.id(), a.id(), b.id());
        assertThat(playlist.items()).extracting(PlaylistItem::position).containsExactly(0, 1, 2);
        assertThat(playlist.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void refusesAnOrderThatLeavesOutRepeatsOrInventsItems() {
        Playlist playlist = playlist();
        PlaylistItem a = playlist.add(UUID.randomUUID(), null, CREATED);
        PlaylistItem b = playlist.add(UUID.randomUUID(), null, CREATED);

        assertThat(playlist.reorder(List.of(b.id()), LATER)).as("leaves one out").isFalse();
        assertThat(playlist.reorder(List.of(b.id(), b.id()), LATER)).as("names one twice").isFalse();
        assertThat(playlist.reorder(List.of(b.id(), UUID.randomUUID()), LATER)).as("an unknown item").isFalse();
        assertThat(playlist.reorder(List.of(a.id(), b.id(), UUID.randomUUID()), LATER)).as("one too many")
                .isFalse();
        assertThat(playlist.items()).extracting(PlaylistItem::id).containsExactly(a.id(), b.id());
        assertThat(playlist.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void renameChangesOnlyWhatIsGiven() {
        Playlist playlist = new Playlist(OWNER, "Old", "notes", false, CREATED);
        playlist.rename(null, null, null, LATER);
        assertThat(playlist.name()).isEqualTo("Old");
        assertThat(playlist.description()).isEqualTo("notes");
        assertThat(playlist.isPublic()).isFalse();

        playlist.rename(" New ", "  ", true, LATER);
        assertThat(playlist.name()).isEqualTo("New");
        assertThat(playlist.description()).as("a blank description clears it").isNull();
        assertThat(playlist.isPublic()).isTrue();
        assertThat(playlist.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void sharingSetsAndClearsTheToken() {
        Playlist playlist = playlist();
        playlist.share("token-1", LATER);
        assertThat(playlist.shareToken()).isEqualTo("token-1");
        assertThat(playlist.updatedAt()).isEqualTo(LATER);
        playlist.share(null, LATER);
        assertThat(playlist.shareToken()).isNull();
    }

    @Test
    void itsItemsCannotBeChangedFromOutside() {
        Playlist playlist = playlist();
        playlist.add(UUID.randomUUID(), null, CREATED);
        assertThatThrownBy(() -> playlist.items().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(playlist.items()).hasSize(1);
    }

    private static Playlist playlist() {
        return new Playlist(OWNER, "Mix", null, true, CREATED);
    }

    private static List<UUID> trackIds(Playlist playlist) {
        return playlist.items().stream().map(PlaylistItem::trackId).toList();
    }
}
