package dev.encore.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

import dev.encore.platform.EncoreProperties;
import dev.encore.platform.web.ProblemWriter;
import tools.jackson.databind.json.JsonMapper;

/** The node-wide and per-address caps of WebSocket handshakes, and the places given back. */
class ConnectionGateTests {

    private final ConnectionGate gate = new ConnectionGate(3, 2, Duration.ofSeconds(10),
            new ProblemWriter(JsonMapper.builder().build(),
                    new EncoreProperties(Path.of("."), URI.create("https://media.example.org/"), Duration.ofSeconds(30))),
            new SimpleAsyncTaskScheduler(), session -> true);

    @Test
    void aNodeHoldsAtMostItsConnectionsWhateverTheAddresses() throws Exception {
        assertThat(handshake("192.0.2.1").getStatus()).isEqualTo(200);
        assertThat(handshake("192.0.2.2").getStatus()).isEqualTo(200);
        MockHttpServletRequest third = request("192.0.2.3");
        MockHttpServletResponse thirdAnswer = new MockHttpServletResponse();
        assertThat(gate.beforeHandshake(new ServletServerHttpRequest(third), new ServletServerHttpResponse(thirdAnswer),
                null, new HashMap<>())).isTrue();

        MockHttpServletResponse refused = handshake("192.0.2.4");
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("/problems/live-connections-full");

        // the third handshake did not become a WebSocket (a foreign origin, say): its place comes back
        thirdAnswer.setStatus(403);
        gate.afterHandshake(new ServletServerHttpRequest(third), new ServletServerHttpResponse(thirdAnswer), null, null);
        assertThat(handshake("192.0.2.4").getStatus()).isEqualTo(200);
        assertThat(handshake("192.0.2.5").getStatus()).as("full again").isEqualTo(503);
    }

    @Test
    void anIpv6ClientCountsWithTheRestOfItsSlash64() throws Exception {
        assertThat(handshake("2001:db8:1:2:0:0:0:1").getStatus()).isEqualTo(200);
        assertThat(handshake("2001:db8:1:2:aaaa:0:0:2").getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = handshake("2001:db8:1:2:ffff:ffff:ffff:ffff");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("/problems/too-many-connections");
        assertThat(handshake("2001:db8:1:3:0:0:0:1").getStatus()).as("another /64").isEqualTo(200);
    }

    private MockHttpServletResponse handshake(String address) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean passed = gate.beforeHandshake(new ServletServerHttpRequest(request(address)),
                new ServletServerHttpResponse(response), null, new HashMap<>());
        assertThat(passed).isEqualTo(response.getStatus() == 200);
        return response;
    }

    private static MockHttpServletRequest request(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ws");
        request.setRemoteAddr(address);
        return request;
    }
}
