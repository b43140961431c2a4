package dev.encore.library.presentation;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.CodePointLength;

import dev.encore.platform.PlainText;
import dev.encore.library.Visibility;

/**
 * A presentation's editable metadata; null fields are left as they are (PATCH) or defaulted (create).
 * No text field holds control characters; the description may keep line breaks and tabs ({@link PlainText}).
 * Lengths count characters (Unicode code points: an emoji is one), not UTF-16 units.
 *
 * @param title       1..255 characters (default: the file name)
 * @param description up to 5000 characters
 * @param category    up to 50 characters
 * @param visibility  private (default), unlisted or public
 * @param tags        up to 20 tags of up to 50 characters
 * @param featured    admins only
 * @param uploadId    on create: a PDF upload
 */
public record PresentationDetails(
        @CodePointLength(min = 1, max = 255, message = "must be 1 to 255 characters") @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @PlainText String title,
        @CodePointLength(max = 5000, message = "must be at most 5000 characters") @PlainText(multiline = true) String description,
        @CodePointLength(max = 50, message = "must be at most 50 characters") @PlainText String category,
        Visibility visibility,
        @Size(max = 20, message = "must hold at most 20 tags") List<@NotNull(message = "must be text, not null") @CodePointLength(min = 1, max = 50, message = "must be 1 to 50 characters") @PlainText String> tags,
        Boolean featured,
        UUID uploadId) {
}
