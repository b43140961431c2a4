package dev.encore.live.room;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.encore.account.Accounts;
import dev.encore.library.TrackCatalog;
import dev.encore.live.room.RoomView.Entry;
import dev.encore.live.room.RoomView.Member;
import dev.encore.live.room.RoomView.SuggestionEntry;
import dev.encore.platform.EncoreProperties;
import dev.encore.platform.spi.StreamLinks;

/**
 * Builds room answers: the tracks the host may play now ({@link RoomTracks}), with stream URLs for
 * members, the invite for the host and admins.
 */
@Component
class RoomViews {

    private final RoomMembers members;
    private final RoomQueue queue;
    private final RoomSuggestions suggestions;
    private final RoomTracks tracks;
    private final StreamLinks links;
    private final Accounts accounts;
    private final String publicUrl;
    private final Clock clock;

    RoomViews(RoomStore store, RoomTracks tracks, StreamLinks links, Accounts accounts, EncoreProperties encore,
            Clock clock) {
        this.members = store.members();
        this.queue = store.queue();
        this.suggestions = store.suggestions();
        this.tracks = tracks;
        this.links = links;
        this.accounts = accounts;
        this.publicUrl = encore.publicUrl().toString().replaceAll("/+$", "");
        this.clock = clock;
    }

    /**
     * The room as {@code viewer} sees it.
     *
     * @param viewer the asking user, or null for a broadcast (no stream URLs, no invite)
     * @param admin  whether the viewer is an admin (sees the invite)
     */
    RoomView of(Room room, UUID viewer, boolean admin) {
        List<RoomMember> present = members.active(room.id());
        boolean member = viewer != null && present.stream().anyMatch(m -> m.userId().equals(viewer));
        boolean invite = viewer != null && (admin || room.isHost(viewer));
        UUID lendTo = member ? viewer : null;
        Instant now = clock.instant();
        List<QueueEntry> entries = queue.findByRoomIdOrderByPosition(room.id());
        Map<UUID, TrackCatalog.Card> cards = playable(room, entries);
        Map<UUID, String> names = names(present);
        return new RoomView(room.id(), room.name(), room.isPublic(), room.maxListeners(), room.hostId(),
                hostName(room, present), hostName(room, present, names), present.size(), room.createdAt(), invite ? room.inviteCode() : null,
                invite ? inviteUrl(room) : null, RoomView.State.of(tracks.stateAt(room, now), now),
                current(room, cards, lendTo), queue(entries, cards, lendTo), suggestions(room),
                members(room, present, names));
    }

    String inviteUrl(Room room) {
        return publicUrl + "/rooms/join/" + room.inviteCode();
    }

    /** What plays, with a stream URL for {@code lendTo} (null: none). */
    Entry current(Room room, UUID lendTo) {
        return current(room, playable(room, List.of()), lendTo);
    }

    List<Entry> queue(Room room, UUID lendTo) {
        List<QueueEntry> entries = queue.findByRoomIdOrderByPosition(room.id());
        return queue(entries, playable(room, entries), lendTo);
    }

    /**
     * The waiting suggestions whose tracks their members may still play (the rule they were
     * suggested by): one its owner made private since is not shown to the room.
     */
    List<SuggestionEntry> suggestions(Room room) {
        List<Suggestion> waiting = suggestions.findByRoomIdOrderByCreatedAt(room.id());
        Map<UUID, String> names = accounts.displayNames(waiting.stream().map(Suggestion::suggestedBy).collect(Collectors.toSet()));
        Map<UUID, Map<UUID, TrackCatalog.Card>> cards = new HashMap<>();
        waiting.stream().collect(Collectors.groupingBy(Suggestion::suggestedBy,
                Collectors.mapping(Suggestion::trackId, Collectors.toSet())))
                .forEach((member, tracksOf) -> cards.put(member, tracks.playableBy(member, tracksOf)));
        return waiting.stream().filter(s -> cards.get(s.suggestedBy()).containsKey(s.trackId())).map(s -> {
            TrackCatalog.Card card = cards.get(s.suggestedBy()).get(s.trackId());
            return new SuggestionEntry(s.id(), s.trackId(), card.title(), card.artist(), card.durationMs(),
                    s.suggestedBy(), s.username(), names.getOrDefault(s.suggestedBy(), s.username()), s.createdAt());
        }).toList();
    }

    private List<Member> members(Room room, Collection<RoomMember> present, Map<UUID, String> names) {
        return present.stream().map(m -> new Member(m.userId(), m.username(),
                names.getOrDefault(m.userId(), m.username()), m.joinedAt(), room.isHost(m.userId()))).toList();
    }

    /** The name to show for each member: their display name now (their username when they have none). */
    private Map<UUID, String> names(Collection<RoomMember> present) {
        return accounts.displayNames(present.stream().map(RoomMember::userId).toList());
    }

    private static String hostName(Room room, List<RoomMember> present) {
        return present.stream().filter(m -> room.isHost(m.userId())).map(RoomMember::username).findFirst()
                .orElse(null);
    }

    private static String hostName(Room room, List<RoomMember> present, Map<UUID, String> names) {
        String username = hostName(room, present);
        return username == null ? null : names.getOrDefault(room.hostId(), username);
    }

    /**
     * The room's tracks (what plays and {@code entries}) that its host may play now: the only ones it
     * shows and lends. Another owner's track made private since, or deleted, is left out, as if it
     * were not there; the host moves on with {@code next}.
     */
    private Map<UUID, TrackCatalog.Card> playable(Room room, List<QueueEntry> entries) {
        List<UUID> ids = new ArrayList<>(entries.stream().map(QueueEntry::trackId).toList());
        if (room.state().itemId() != null) {
            ids.add(room.state().itemId());
        }
        return tracks.playableBy(room.hostId(), ids);
    }

    private Entry current(Room room, Map<UUID, TrackCatalog.Card> cards, UUID lendTo) {
        UUID trackId = room.state().itemId();
        TrackCatalog.Card card = trackId == null ? null : cards.get(trackId);
        return card == null ? null : entry(room.currentEntryId(), card, room.hostId(), lendTo);
    }

    private List<Entry> queue(List<QueueEntry> entries, Map<UUID, TrackCatalog.Card> cards, UUID lendTo) {
        List<Entry> views = new ArrayList<>();
        for (QueueEntry queued : entries) {
            TrackCatalog.Card card = cards.get(queued.trackId());
            if (card != null) {
                views.add(entry(queued.id(), card, queued.addedBy(), lendTo));
            }
        }
        return views;
    }

    private Entry entry(UUID id, TrackCatalog.Card card, UUID addedBy, UUID lendTo) {
        StreamLinks.StreamLink link = lendTo == null ? null
                : links.issue(StreamLinks.Target.TRACK, card.id(), lendTo, card.durationMs());
        return new Entry(id, card.id(), card.title(), card.artist(), card.durationMs(), card.coverUrl(), addedBy,
                link == null ? null : link.url(), link == null ? null : link.expiresAt());
    }
}
