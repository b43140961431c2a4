package dev.encore.library.track;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.CodePointLength;

import dev.encore.platform.PlainText;
import dev.encore.library.Visibility;

/**
 * A track's editable metadata; null fields are left as they are (PATCH) or defaulted (create).
 * Limits follow the music platform plan; the year's upper bound (this year) is checked by
 * {@link ReleaseYearRule}, together with the annotations. No text field holds control characters
 * ({@link PlainText}). Lengths count characters (Unicode code points: an emoji is one), not UTF-16 units.
 *
 * @param title      1..255 characters
 * @param artist     1..255 characters
 * @param album      up to 255 characters
 * @param genre      up to 50 characters
 * @param year       1900..this year
 * @param category   up to 50 characters
 * @param visibility private (default), unlisted or public
 * @param tags       up to 20 tags of up to 50 characters
 * @param featured   admins only
 * @param fileId     on create: the finished import file to save (not changeable later)
 * @param uploadId   on create, instead of fileId: an audio upload to save
 */
public record TrackDetails(
        @CodePointLength(min = 1, max = 255, message = "must be 1 to 255 characters") @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @PlainText String title,
        @CodePointLength(min = 1, max = 255, message = "must be 1 to 255 characters") @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @PlainText String artist,
        @CodePointLength(max = 255, message = "must be at most 255 characters") @PlainText String album,
        @CodePointLength(max = 50, message = "must be at most 50 characters") @PlainText String genre,
        @Min(value = 1900, message = "must be between 1900 and this year") @Max(value = 9999, message = "must be between 1900 and this year") Integer year,
        @CodePointLength(max = 50, message = "must be at most 50 characters") @PlainText String category,
        Visibility visibility,
        @Size(max = 20, message = "must hold at most 20 tags") List<@NotNull(message = "must be text, not null") @CodePointLength(min = 1, max = 50, message = "must be 1 to 50 characters") @PlainText String> tags,
        Boolean featured,
        UUID fileId,
        UUID uploadId) {
}
