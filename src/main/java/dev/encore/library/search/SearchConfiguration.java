package dev.encore.library.search;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    SearchEngine searchEngine(SearchProperties properties, @Value("${encore.data-dir}") Path dataDir,
            JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return switch (properties.engine()) {
            case LUCENE -> new LuceneSearchEngine(dataDir.resolve("index").resolve("library"));
            case POSTGRES -> new PostgresSearchEngine(jdbc, transactions);
        };
    }
}
