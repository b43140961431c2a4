package dev.encore.insights.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.encore.platform.InvalidFieldsException;

/**
 * A range of UTC days, both ends included.
 *
 * @param from first day
 * @param to   last day
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** Days asked for when no range is given: the last 30, today included. */
    static final int DEFAULT_DAYS = 30;

    /** The days a range may cover: what both databases store and what anything was counted on. */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /**
     * The range a request asks for: {@code to} defaults to today, {@code from} to 30 days up to
     * {@code to}.
     *
     * @throws InvalidFieldsException (400) when a day is outside 1970-9999, {@code to} is before
     *                                {@code from} or the range spans more than {@code maxDays}
     */
    public static DateRange of(LocalDate from, LocalDate to, LocalDate today, int maxDays) {
        storable("from", from);
        storable("to", to);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? max(EARLIEST, last.minusDays(DEFAULT_DAYS - 1L)) : from;
        if (last.isBefore(first)) {
            throw InvalidFieldsException.of("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > maxDays) {
            throw InvalidFieldsException.of("to", "the range may span at most " + maxDays + " days");
        }
        return new DateRange(first, last);
    }

    private static void storable(String field, LocalDate day) {
        if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
            throw InvalidFieldsException.of(field, "must be a day from " + EARLIEST + " to " + LATEST);
        }
    }

    private static LocalDate max(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }

    /** Every day of the range, in order. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }
}
