package dev.encore.library.search;

import java.nio.file.Path;

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
 * @param indexDir where the Lucene index lives; by default {@code ${encore.data-dir}/index/library}.
 *                 One running application per directory: Lucene locks it.
 */
@Validated
@ConfigurationProperties("encore.search")
record SearchProperties(@NotNull @DefaultValue("lucene") Engine engine, Path indexDir) {

    /** The search engines Encore has. */
    public enum Engine {
        LUCENE, POSTGRES
    }
}
