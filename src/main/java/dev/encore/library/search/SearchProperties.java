package dev.encore.library.search;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Search ({@code encore.search.*}).
 *
 * @param engine {@code lucene} (an index under {@code ${encore.data-dir}/index}, one node) or
 *               {@code postgres} (full-text + trigram in the shared database; the
 *               {@code distributed} profile's choice)
 */
@Validated
@ConfigurationProperties("encore.search")
record SearchProperties(@NotNull @DefaultValue("lucene") Engine engine) {

    /** The search engines Encore has. */
    public enum Engine {
        LUCENE, POSTGRES
    }
}
