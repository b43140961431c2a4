package dev.encore.live.room;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.encore.platform.spi.StreamGrants;
import dev.encore.platform.spi.StreamLinks.Target;

/**
 * A room lends its members the track that plays and the queued ones, whoever owns them, while they
 * are members; once they leave, the link answers 403.
 */
@Component
class RoomStreamGrants implements StreamGrants {

    private final RoomMembers members;

    RoomStreamGrants(RoomStore store) {
        this.members = store.members();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean grants(UUID userId, Target target, UUID contentId) {
        return target == Target.TRACK && members.lendsTrack(userId, contentId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean ended(UUID userId, Target target, UUID contentId) {
        return target == Target.TRACK && members.lentTrack(userId, contentId);
    }
}
