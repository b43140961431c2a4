package dev.encore.library.search;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import dev.encore.platform.EncoreProperties;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    SearchEngine searchEngine(SearchProperties properties, EncoreProperties encore,
            JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return switch (properties.engine()) {
            case LUCENE -> new LuceneSearchEngine(properties.indexDir() != null ? properties.indexDir()
                    : encore.dataDir().resolve("index").resolve("library"));
            case POSTGRES -> new PostgresSearchEngine(jdbc, transactions);
        };
    }
}
