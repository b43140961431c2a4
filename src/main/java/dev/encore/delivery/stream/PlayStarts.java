package dev.encore.delivery.stream;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;

/** Which requests for a track or a video start a play (or a viewing), rather than continue one. */
final class PlayStarts {

    /** Ranges from 0 shorter than this are a player probing, not playing. */
    static final long PROBE_BYTES = 64 * 1024;

    private PlayStarts() {
    }

    /**
     * A GET from the first byte: no Range, or one from 0 that is open-ended or at least
     * {@value #PROBE_BYTES} bytes long. Seeks, HEADs and the short probes some players send first
     * (Safari asks for {@code bytes=0-1}) are not new plays.
     */
    static boolean startsPlay(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String range = request.getHeader(HttpHeaders.RANGE);
        if (range == null) {
            return true;
        }
        try {
            List<HttpRange> ranges = HttpRange.parseRanges(range);
            if (ranges.size() != 1 || ranges.getFirst().getRangeStart(Long.MAX_VALUE) != 0) {
                return false;
            }
            return ranges.getFirst().getRangeEnd(Long.MAX_VALUE) + 1 >= PROBE_BYTES;
        }
        catch (IllegalArgumentException malformed) {
            return true; // ignored by the streamer: the whole file goes out
        }
    }
}
