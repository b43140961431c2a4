package dev.encore.live.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import dev.encore.live.LiveKind;
import dev.encore.live.LiveLeft;
import dev.encore.live.LivePresence;
import dev.encore.live.TestLiveSessions;
import dev.encore.support.IntegrationTest;
import dev.encore.support.StompTestClient;
import dev.encore.support.TestAccounts.Account;

/** Connections of a node that stopped refreshing its presence rows are swept and their users leave. */
@DirtiesContext // a context of its own: see IntegrationTest
@Import(TestLiveSessions.Configuration.class)
class PresenceSweepIT extends IntegrationTest {

    @Autowired
    TestLiveSessions rooms;

    @Autowired
    PresenceTracker tracker;

    @Autowired
    LivePresence presence;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeadNodesConnectionsAreSweptAndTheirUsersLeave() throws Exception {
        Account host = users.user();
        Account elsewhere = users.user();
        UUID room = rooms.open(host.id(), elsewhere.id());
        UUID gone = UUID.fromString(elsewhere.id());
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        jdbc.sql("""
                INSERT INTO live_presence (node_id, stomp_session_id, subscription_id, kind, session_id, user_id,
                username, joined_at, seen_at) VALUES ('node-dead', 's1', 'sub-0', 'room', ?, ?, ?, ?, ?)""")
                .params(room, gone, elsewhere.username(), Timestamp.from(longAgo), Timestamp.from(longAgo)).update();
        String topic = "/topic/live/room/" + room;
        try (StompTestClient client = StompTestClient.connect(port, host.accessToken())) {
            client.subscribe(topic);
            assertThat(client.awaitType("/user/queue/live", "snapshot").path("presence").path("count").asInt())
                    .isEqualTo(2);
            assertThat(presence.members(LiveKind.ROOM, room).getFirst().userId()).isEqualTo(gone);

            tracker.sweep(Instant.now().minus(Duration.ofSeconds(45)));

            assertThat(presence.isPresent(LiveKind.ROOM, room, gone)).isFalse();
            assertThat(presence.isPresent(LiveKind.ROOM, room, UUID.fromString(host.id()))).isTrue();
            assertThat(rooms.events(room)).contains(new LiveLeft(LiveKind.ROOM, room, gone));
            client.await(topic, json -> "presence".equals(json.path("type").asString())
                    && json.path("data").path("count").asInt() == 1);
        }
    }
}
