package dev.encore.platform.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * How Spring Data JDBC maps Encore's aggregates to its tables (Spring Boot's own configuration
 * steps back for this one, as its documentation asks of a change to the mapping).
 *
 * <p>Names are not quoted: the Flyway scripts create every table and column with an unquoted
 * lower-case name, which H2 stores upper-case and PostgreSQL lower-case. Spring Data JDBC quotes
 * by default, which keeps a name written in {@code @Table("audit_entries")} in lower case, a table
 * H2 does not have.
 *
 * <p>On PostgreSQL aggregates are loaded with one query, their rows and their collection's (a
 * track's tags, a playlist's items) together ("single query loading"): otherwise every aggregate
 * read by {@code findAll}/{@code findAllById} reads its collection with a query of its own, 21
 * queries for a page of 20 videos, each a round trip. Spring Data JDBC's H2 dialect does not offer
 * it; H2's queries run in the same process and cost little.
 */
@Configuration(proxyBeanMethods = false)
class JdbcMappingConfiguration extends AbstractJdbcConfiguration {

    @Override
    public JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
            JdbcCustomConversions customConversions, RelationalManagedTypes jdbcManagedTypes) {
        JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
        context.setForceQuote(false);
        context.setSingleQueryLoadingEnabled(true);
        return context;
    }

    /** Every module's aggregates, not only this package's (the default). */
    @Override
    protected Collection<String> getMappingBasePackages() {
        return List.of("dev.encore");
    }
}
