package dev.encore.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.jobrunr.scheduling.JobScheduler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.encore.fixtures.FixtureJobs;
import dev.encore.support.IntegrationTest;
import dev.encore.support.ServicesProfile;

class PersistenceIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JobScheduler jobs;

    @Test
    void flywayMigratedTheSchemaOnTheConfiguredDatabase() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"success\" = true",
                Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from event_publication", Integer.class)).isNotNull();
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo(ServicesProfile.active() ? "PostgreSQL" : "H2");
        }
    }

    @Test
    void connectionPoolIsSizedByConfiguration() {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getMaximumPoolSize()).isEqualTo(10);
    }

    @Test
    void jobServerRunsEnqueuedJobsFromTheSameDatabase() {
        String marker = UUID.randomUUID().toString();
        jobs.<FixtureJobs>enqueue(fixture -> fixture.record(marker));
        await().atMost(Duration.ofSeconds(60)).until(() -> FixtureJobs.DONE.contains(marker));
        Integer stored = new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from jobrunr_jobs where jobasjson like ?", Integer.class, "%" + marker + "%");
        assertThat(stored).isEqualTo(1);
    }
}
