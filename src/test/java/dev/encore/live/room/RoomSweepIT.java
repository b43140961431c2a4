package dev.encore.live.room;

import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import dev.encore.support.Api;
import dev.encore.support.IntegrationTest;
import dev.encore.support.TestAccounts.Account;

/** With short timeouts: absent members leave after their grace (a host hands over), empty rooms close. */
@TestPropertySource(properties = { "encore.live.member-grace=2s", "encore.live.room-idle-timeout=4s" })
class RoomSweepIT extends IntegrationTest {

    @Test
    void aHostWhoseConnectionWentLeavesAfterTheGraceAndTheConnectedMemberHosts() throws Exception {
        Account host = users.user();
        Account member = users.user();
        String id = created(host, "{\"name\":\"Grace\"}").path("id").asString();
        assertThat(api.postJson("/api/v1/rooms/" + id + "/members", "", member.accessToken()).statusCode())
                .isEqualTo(200);
        try (RoomClient listening = RoomClient.join(port, member.accessToken(), id)) {
            RoomClient hosting = RoomClient.join(port, host.accessToken(), id);
            hosting.close();
            long gone = System.nanoTime();
            JsonNode handed = listening.next("host", data -> data.path("hostId").asString().equals(member.id()));
            assertThat(Duration.ofNanos(System.nanoTime() - gone)).as("not before the grace")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(handed.path("data").path("hostName").asString()).isEqualTo(member.username());
            JsonNode room = Api.json(api.get("/api/v1/rooms/" + id, member.accessToken()));
            assertThat(room.path("memberCount").asInt()).isEqualTo(1);
            Thread.sleep(5000);
            assertThat(api.get("/api/v1/rooms/" + id, member.accessToken()).statusCode())
                    .as("a connected room stays open").isEqualTo(200);
        }
    }

    @Test
    void aRoomNobodyConnectsToClosesAfterTheIdleTimeout() throws Exception {
        Account host = users.user();
        String id = created(host, "{\"name\":\"Idle\"}").path("id").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> answer = api.get("/api/v1/rooms/" + id, host.accessToken());
        while (answer.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            answer = api.get("/api/v1/rooms/" + id, host.accessToken());
        }
        assertProblem(answer, 404, "not-found");
    }

    private JsonNode created(Account host, String json) {
        HttpResponse<String> created = api.postJson("/api/v1/rooms", json, host.accessToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.json(created);
    }
}
