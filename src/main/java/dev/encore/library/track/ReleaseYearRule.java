package dev.encore.library.track;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import dev.encore.platform.spi.FieldRules;

/**
 * A track's year is no later than this year: a bound no annotation can hold, checked with the
 * request's other fields so that one answer names every invalid one.
 */
@Component
public class ReleaseYearRule implements FieldRules {

    public static final String MESSAGE = "must be between 1900 and this year";

    private final Clock clock;

    ReleaseYearRule(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> type) {
        return TrackDetails.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (inFuture(((TrackDetails) target).year(), clock)) {
            errors.rejectValue("year", "future-year", MESSAGE);
        }
    }

    /** Whether {@code year} lies after the current year (UTC). */
    public static boolean inFuture(Integer year, Clock clock) {
        return year != null && year > Instant.now(clock).atZone(ZoneOffset.UTC).getYear();
    }
}
