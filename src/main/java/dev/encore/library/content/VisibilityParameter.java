package dev.encore.library.content;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import dev.encore.library.Visibility;

/**
 * Reads a {@code visibility} query parameter as the JSON bodies spell it ({@code private},
 * {@code unlisted}, {@code public}, in any case); Spring's own enum conversion took only the
 * constant names ({@code PRIVATE}) and answered the documented values with a 400. Blank is absent.
 */
@Component
public class VisibilityParameter implements Converter<String, Visibility> {

    @Override
    public Visibility convert(String value) {
        return value.isBlank() ? null : Visibility.of(value);
    }
}
