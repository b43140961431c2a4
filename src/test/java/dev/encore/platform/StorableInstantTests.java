package dev.encore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class StorableInstantTests {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Times(@StorableInstant Instant at) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void takesEveryInstantOfYearsOneTo9999AndNone() {
        for (Instant fine : List.of(StorableInstant.MIN, StorableInstant.MAX, Instant.EPOCH,
                Instant.parse("2026-12-06T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"))) {
            assertThat(VALIDATOR.validate(new Times(fine))).as(fine.toString()).isEmpty();
        }
        assertThat(VALIDATOR.validate(new Times(null))).isEmpty();
    }

    @Test
    void refusesWhatNoDatabaseKeepsWithOneMessage() {
        for (Instant far : List.of(Instant.MAX, Instant.MIN, Instant.parse("+999999999-12-31T23:59:59Z"),
                Instant.parse("+300000000-01-01T00:00:00Z"), Instant.parse("+294277-01-01T00:00:00Z"),
                StorableInstant.MAX.plusNanos(1), StorableInstant.MIN.minusNanos(1))) {
            assertThat(VALIDATOR.validate(new Times(far))).as(far.toString()).singleElement()
                    .satisfies(violation -> {
                        assertThat(violation.getPropertyPath()).hasToString("at");
                        assertThat(violation.getMessage())
                                .isEqualTo("must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
                    });
        }
    }
}
