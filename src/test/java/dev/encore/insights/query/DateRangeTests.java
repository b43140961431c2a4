package dev.encore.insights.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.encore.platform.InvalidFieldsException;

class DateRangeTests {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");

    @Test
    void defaultsToTheLastThirtyDaysUpToTo() {
        assertThat(DateRange.of(null, null, TODAY, 366)).isEqualTo(new DateRange(LocalDate.parse("2026-02-09"), TODAY));
        assertThat(DateRange.of(null, LocalDate.parse("2026-01-30"), TODAY, 366).from()).isEqualTo("2026-01-01");
    }

    @Test
    void refusesToBeforeFrom() {
        assertThatThrownBy(() -> DateRange.of(TODAY, TODAY.minusDays(1), TODAY, 366))
                .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("to");
    }

    @Test
    void acceptsTheLongestSpanAndRefusesOneDayMore() {
        assertThat(DateRange.of(TODAY.minusDays(365), TODAY, TODAY, 366).days()).hasSize(366);
        assertThatThrownBy(() -> DateRange.of(TODAY.minusDays(366), TODAY, TODAY, 366))
                .isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void aOneDayRangeHasOneDay() {
        assertThat(DateRange.of(TODAY, TODAY, TODAY, 1).days()).containsExactly(TODAY);
    }

    @Test
    void refusesDaysNoDatabaseStoresAsAFieldProblem() {
        assertThatThrownBy(() -> DateRange.of(null, LocalDate.MIN, TODAY, 366)).isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> DateRange.of(LocalDate.MAX, null, TODAY, 366)).isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> DateRange.of(LocalDate.parse("1969-12-31"), null, TODAY, 366))
                .isInstanceOf(InvalidFieldsException.class);
        assertThat(DateRange.of(null, LocalDate.parse("1970-01-05"), TODAY, 366).from()).isEqualTo("1970-01-01");
    }
}
