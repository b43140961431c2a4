package dev.encore.media;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Presentations: how PDF pages become slide images ({@code encore.presentation.*}). Every limit is
 * checked before anything is rendered, so a PDF that would break one is refused when the
 * presentation is created.
 *
 * @param maxPages       most pages a PDF may have
 * @param thumbWidth     width of a slide thumbnail, pixels
 * @param fullWidth      width of a full-size slide, pixels
 * @param maxPageInches  longest side a page may have, inches (72 points each); bigger pages are refused
 * @param maxPagePixels  most pixels one full-size slide may have (a tall, narrow page renders tall)
 * @param maxImagePixels most pixels one image inside a page may declare (decoding it would need that much memory)
 * @param maxSlideText   characters of a slide's text kept (and indexed for search)
 * @param jobTimeout     longest a whole presentation may take to render
 * @param pageTimeout    longest one page may take to render
 */
@Validated
@ConfigurationProperties("encore.presentation")
public record PresentationProperties(
        @Min(1) @Max(10_000) @DefaultValue("300") int maxPages,
        @Min(16) @Max(1920) @DefaultValue("320") int thumbWidth,
        @Min(320) @Max(7680) @DefaultValue("1920") int fullWidth,
        @Min(1) @Max(200) @DefaultValue("100") int maxPageInches,
        @Min(1_000_000) @DefaultValue("16000000") long maxPagePixels,
        @Min(1_000_000) @DefaultValue("25000000") long maxImagePixels,
        @Min(0) @Max(20_000) @DefaultValue("20000") int maxSlideText,
        @NotNull @DefaultValue("15m") Duration jobTimeout,
        @NotNull @DefaultValue("1m") Duration pageTimeout) {
}
