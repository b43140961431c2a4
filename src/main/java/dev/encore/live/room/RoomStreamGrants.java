package dev.encore.live.room;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.platform.spi.StreamGrants;
import dev.encore.platform.spi.StreamLinks.Target;

/**
 * A room lends its members the track that plays and the queued ones, whoever owns them, while they
 * are members and while the room's host may still play the track ({@link RoomTracks}): a track its
 * owner made private or deleted since is lent no more. Once a member leaves, the link answers 403.
 */
@Component
class RoomStreamGrants implements StreamGrants {

    private final RoomMembers members;
    private final RoomTracks tracks;

    RoomStreamGrants(RoomStore store, RoomTracks tracks) {
        this.members = store.members();
        this.tracks = tracks;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean grants(UUID userId, Target target, UUID contentId) {
        return target == Target.TRACK
                && members.lendingHosts(userId, contentId).stream().anyMatch(host -> tracks.mayPlay(host, contentId));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean ended(UUID userId, Target target, UUID contentId) {
        return target == Target.TRACK && members.lentTrack(userId, contentId);
    }
}
