package dev.encore.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.jobrunr.jobs.JobId;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.encore.platform.JobWakeUp;
import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts;

/**
 * JobRunr stops its server for good when a heartbeat cannot be written (a full disk); the node
 * starts it again by itself within {@code encore.health.job-server-check-interval} (1 s here), and
 * the admin status says whether background jobs run.
 */
class JobServerRecoveryIT extends IntegrationTest {

    @Autowired
    private BackgroundJobServer jobServer;
    @Autowired
    private JobScheduler jobs;
    @Autowired
    private StorageProvider storage;
    @Autowired
    private JobWakeUp wakeUp;

    @Test
    void aStoppedJobServerIsStartedAgainAndRunsJobsEnqueuedAfterwards() {
        TestAccounts.Account admin = users.admin();
        await().atMost(Duration.ofSeconds(30)).until(jobServer::isRunning);
        JsonNode running = status(admin).path("backgroundJobs");
        assertThat(running.path("enabled").asBoolean()).isTrue();
        assertThat(running.path("running").asBoolean()).isTrue();
        long restartsBefore = running.path("restarts").asLong();

        jobServer.stop();
        assertThat(jobServer.isRunning()).isFalse();

        await().atMost(Duration.ofSeconds(10)).until(jobServer::isRunning);
        JsonNode recovered = status(admin);
        assertThat(recovered.path("backgroundJobs").path("running").asBoolean()).isTrue();
        assertThat(recovered.path("backgroundJobs").path("restarts").asLong()).isEqualTo(restartsBefore + 1);
        assertThat(recovered.path("backgroundJobs").path("stoppedSince").isNull()
                || recovered.path("backgroundJobs").path("stoppedSince").isMissingNode()).isTrue();
        assertThat(recovered.path("status").asString()).as("not part of readiness").isIn("UP", "DEGRADED");

        JobId job = jobs.enqueue(() -> wakeUp.now());
        wakeUp.now();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> storage.getJobById(job).getState() == StateName.SUCCEEDED);
    }

    private JsonNode status(TestAccounts.Account admin) {
        HttpResponse<String> response = api.get("/api/v1/admin/status", admin.accessToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }
}
