package dev.encore.library.playlist;

import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.CodePointLength;

import dev.encore.platform.PlainText;

/**
 * A playlist's editable fields; null ones are left as they are (PATCH), name is required on create.
 * Neither holds control characters; the description may keep line breaks and tabs ({@link PlainText}).
 * Lengths count characters (Unicode code points: an emoji is one), not UTF-16 units.
 *
 * @param name        1..100 characters
 * @param description up to 500 characters
 * @param isPublic    readable by everyone (default false)
 */
record PlaylistRequest(
        @CodePointLength(min = 1, max = 100, message = "must be 1 to 100 characters") @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @PlainText String name,
        @CodePointLength(max = 500, message = "must be at most 500 characters") @PlainText(multiline = true) String description,
        Boolean isPublic) {
}
