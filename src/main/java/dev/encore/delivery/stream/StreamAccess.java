package dev.encore.delivery.stream;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.encore.library.TrackLibrary;
import dev.encore.library.Viewer;
import dev.encore.library.Viewers;
import dev.encore.platform.spi.DeliverableFiles.DeliverableFile;
import dev.encore.platform.spi.StreamGrants;
import dev.encore.platform.spi.StreamLinks.Target;
import dev.encore.delivery.link.LinkExpiredException;
import dev.encore.delivery.link.LinkInvalidException;

/**
 * Who a stream URL plays for, checked again on every request: the token must be valid for the
 * route, and its account must still exist and be enabled (its admin role is read now, not from the
 * token). The caller then asks the library for the content as that viewer, so visibility is checked
 * as for a signed-in request; what the library refuses may still be lent by a {@link StreamGrants}
 * (a listening room's queue for its members), and a grant that ended answers 403.
 */
@Component
class StreamAccess {

    private final StreamUrls urls;
    private final Viewers viewers;
    private final TrackLibrary tracks;
    private final List<StreamGrants> grants;

    StreamAccess(StreamUrls urls, Viewers viewers, TrackLibrary tracks, List<StreamGrants> grants) {
        this.urls = urls;
        this.viewers = viewers;
        this.tracks = tracks;
        this.grants = grants;
    }

    /**
     * The viewer and content a token grants.
     *
     * @param viewer    the account the URL was issued to, as it stands now
     * @param contentId the track or video
     */
    record Access(Viewer viewer, UUID contentId) {
    }

    /**
     * @throws LinkInvalidException when the token is bad or its account is gone or disabled (403)
     * @throws LinkExpiredException when it has expired (410)
     */
    Access check(String token, Target target) {
        StreamUrls.Grant grant = urls.verify(token, target);
        Viewer viewer = viewers.current(grant.userId()).orElseThrow(LinkInvalidException::new);
        return new Access(viewer, grant.contentId());
    }

    /**
     * The original of the track a token grants: as the library lets its viewer play it, or lent by a
     * grant.
     *
     * @throws LinkInvalidException when only a grant that has ended covered it (403)
     * @throws ErrorResponseException 404 when the track is gone or not theirs to play
     */
    DeliverableFile track(Access access) {
        try {
            return tracks.original(access.viewer(), access.contentId());
        }
        catch (ErrorResponseException refused) {
            if (refused.getStatusCode() != HttpStatus.NOT_FOUND) {
                throw refused;
            }
            UUID userId = access.viewer().userId();
            if (grants.stream().anyMatch(grant -> grant.grants(userId, Target.TRACK, access.contentId()))) {
                return tracks.lentOriginal(access.contentId());
            }
            if (grants.stream().anyMatch(grant -> grant.ended(userId, Target.TRACK, access.contentId()))) {
                throw new LinkInvalidException();
            }
            throw refused;
        }
    }
}
