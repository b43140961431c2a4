package dev.encore.delivery.stream;

import org.springframework.stereotype.Component;

import dev.encore.library.Viewer;
import dev.encore.library.Viewers;
import dev.encore.platform.spi.StreamLinks.Target;
import dev.encore.delivery.link.LinkExpiredException;
import dev.encore.delivery.link.LinkInvalidException;

/**
 * Who a stream URL plays for, checked again on every request: the token must be valid for the
 * route, and its account must still exist and be enabled (its admin role is read now, not from the
 * token). The caller then asks the library for the content as that viewer, so visibility is checked
 * as for a signed-in request.
 */
@Component
class StreamAccess {

    private final StreamUrls urls;
    private final Viewers viewers;

    StreamAccess(StreamUrls urls, Viewers viewers) {
        this.urls = urls;
        this.viewers = viewers;
    }

    /**
     * The viewer and content a token grants.
     *
     * @param viewer    the account the URL was issued to, as it stands now
     * @param contentId the track or video
     */
    record Access(Viewer viewer, java.util.UUID contentId) {
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
}
