package dev.encore.live.premiere;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.validator.constraints.CodePointLength;

import dev.encore.platform.PlainText;
import dev.encore.platform.StorableInstant;

/**
 * A premiere to schedule ({@code POST}: {@code videoId} and {@code startsAt} required) or new details
 * for one ({@code PATCH}: fields left out stay as they are; {@code videoId} cannot change). Lengths count
 * characters (Unicode code points), not UTF-16 units.
 *
 * @param videoId     a ready video of the caller's
 * @param startsAt    in the future, within a year
 * @param endsAt      optional; not before {@code startsAt} plus the video's length nor more than 24 hours after
 *                    it (null: when the video ends),
 *                    and like every instant a request brings, not past the year 9999
 * @param title       optional, up to 255 characters, no control characters (null: the video's title)
 * @param description optional, up to 5000 characters; line breaks and tabs are the only control characters allowed
 */
record PremiereRequest(UUID videoId, @StorableInstant Instant startsAt, @StorableInstant Instant endsAt,
        @CodePointLength(max = 255, message = "size must be between 0 and 255") @PlainText String title,
        @CodePointLength(max = 5000, message = "size must be between 0 and 5000") @PlainText(multiline = true) String description) {
}
