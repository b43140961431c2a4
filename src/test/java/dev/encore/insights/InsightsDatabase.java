package dev.encore.insights;

import java.time.Duration;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import dev.encore.insights.rollup.InsightsProperties;

/** A fresh in-memory H2 database (PostgreSQL mode, as embedded Encore runs) with the insights tables. */
public final class InsightsDatabase {

    private InsightsDatabase() {
    }

    public static JdbcClient create() {
        DriverManagerDataSource source = new DriverManagerDataSource(
                "jdbc:h2:mem:insights-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/common/V70__insights_rollups.sql"))
                .execute(source);
        return JdbcClient.create(source);
    }

    public static InsightsProperties properties(Duration retention, Duration eventMemory) {
        return new InsightsProperties(retention, eventMemory, 366, 100);
    }
}
