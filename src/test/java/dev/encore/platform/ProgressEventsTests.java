package dev.encore.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/**
 * A progress stream starts with the current state, and what happened while that state was read
 * follows it, never precedes it: a client must not see progress go back. A client that leaves is
 * noticed by the next heartbeat, not only at the next message.
 */
class ProgressEventsTests {

    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID ID = UUID.randomUUID();
    private static final ProgressEvents.Kind KIND = new ProgressEvents.Kind("things", "thing", "id",
            message -> message.path("state").asString().equals("DONE"), Duration.ofMinutes(1));

    private final JsonMapper json = JsonMapper.builder().build();
    private final Notifications notifications = new Notifications();
    /** Quick beats: a test waits for one at most a second. */
    private final StreamHeartbeats heartbeats = new StreamHeartbeats(Duration.ofMillis(100));
    private final ProgressEvents events = new ProgressEvents(notifications, json, heartbeats);

    @AfterEach
    void stopHeartbeats() {
        heartbeats.destroy();
    }

    @Test
    void messagesThatComeWhileTheStateIsReadFollowIt() throws Exception {
        String stream = follow(() -> {
            notifications.deliver(message("RUNNING", 5));
            notifications.deliver(message("RUNNING", 26));
            return Map.of("id", ID, "state", "RUNNING", "progress", 0);
        }, message("RUNNING", 40), message("DONE", 100));

        assertThat(progressIn(stream)).containsExactly(0, 5, 26, 40, 100);
    }

    @Test
    void messagesOlderThanTheStateReadAreLeftOutButTheLastWordIsNot() throws Exception {
        String stream = follow(() -> {
            notifications.deliver(message("RUNNING", 5));
            notifications.deliver(message("DONE", 100));
            return Map.of("id", ID, "state", "RUNNING", "progress", 30);
        });

        assertThat(progressIn(stream)).containsExactly(30, 100);
    }

    @Test
    void otherThingsMessagesAreNotSent() throws Exception {
        String stream = follow(() -> Map.of("id", ID, "state", "RUNNING", "progress", 10),
                "{\"id\":\"" + UUID.randomUUID() + "\",\"state\":\"RUNNING\",\"progress\":50}", message("DONE", 100));

        assertThat(progressIn(stream)).containsExactly(10, 100);
    }

    @Test
    void aUserHoldsAtMostSixteenStreamsAndAFinishedStreamGivesItsPlaceBack() throws Exception {
        for (int n = 0; n < ProgressEvents.STREAMS_PER_USER; n++) {
            follow(() -> Map.of("id", ID, "state", "RUNNING", "progress", 10));
        }
        assertThat(events.openStreams(OWNER)).isEqualTo(16);

        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> events.follow(KIND, OWNER, ID, () -> Map.of("id", ID, "state", "RUNNING", "progress", 10)));
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getBody().getType().toString()).endsWith("/too-many-streams");
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(notifications.listeners()).as("the refused stream subscribed to nothing").isEqualTo(16);

        String other = follow(UUID.randomUUID(), () -> Map.of("id", ID, "state", "RUNNING", "progress", 10));
        assertThat(progressIn(other)).as("another user's streams are their own").containsExactly(10);

        notifications.deliver(message("DONE", 100));
        assertThat(events.openStreams(OWNER)).as("every finished stream gave its place back").isZero();
        assertThat(progressIn(follow(() -> Map.of("id", ID, "state", "RUNNING", "progress", 50)))).containsExactly(50);
    }

    @Test
    void aStreamWhoseStateCannotBeReadGivesItsPlaceBack() {
        RuntimeException gone = new IllegalStateException("no such thing");
        for (int n = 0; n <= ProgressEvents.STREAMS_PER_USER; n++) {
            assertThat(catchThrowable(() -> events.follow(KIND, OWNER, ID, () -> {
                throw gone;
            }))).isSameAs(gone);
        }
        assertThat(events.openStreams(OWNER)).isZero();
        assertThat(notifications.listeners()).isZero();
    }

    @Test
    void aClientThatLeavesGivesItsPlaceBackAtTheNextHeartbeatWithoutWaitingForAMessage() throws Exception {
        AtomicBoolean gone = new AtomicBoolean();
        MockMvc mvc = MockMvcBuilders
                .standaloneSetup(new Stream(events, OWNER, () -> Map.of("id", ID, "state", "QUEUED", "progress", 0)))
                .addFilters(new LeavingClient(gone)).build();
        MvcResult result = mvc.perform(get("/stream")).andExpect(request().asyncStarted()).andReturn();
        await("a beat").atMost(Duration.ofSeconds(2)).until(() -> result.getResponse().getContentAsString()
                .lines().anyMatch(line -> line.equals(":")));
        assertThat(events.openStreams(OWNER)).as("a beat to a client still there keeps its stream").isEqualTo(1);

        gone.set(true);
        await("the place given back").atMost(Duration.ofSeconds(2)).until(() -> events.openStreams(OWNER) == 0);
        assertThat(notifications.listeners()).as("its subscription closed").isZero();
    }

    /** Opens the stream with {@code current}, then delivers {@code later} and returns what was sent. */
    private String follow(java.util.function.Supplier<Object> current, String... later) throws Exception {
        return follow(OWNER, current, later);
    }

    /** Like {@link #follow(java.util.function.Supplier, String...)}, as {@code owner}. */
    private String follow(UUID owner, java.util.function.Supplier<Object> current, String... later) throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new Stream(events, owner, current)).build();
        MvcResult result = mvc.perform(get("/stream")).andExpect(request().asyncStarted()).andReturn();
        for (String message : later) {
            notifications.deliver(message);
        }
        return result.getResponse().getContentAsString();
    }

    private static String message(String state, int progress) {
        return "{\"id\":\"" + ID + "\",\"state\":\"" + state + "\",\"progress\":" + progress + "}";
    }

    private List<Integer> progressIn(String stream) {
        return stream.lines().filter(line -> line.startsWith("data:"))
                .map(line -> json.readTree(line.substring(5)).path("progress").asInt()).toList();
    }

    @RestController
    record Stream(ProgressEvents events, UUID owner, java.util.function.Supplier<Object> current) {

        @GetMapping("/stream")
        SseEmitter stream() {
            return events.follow(KIND, owner, ID, current);
        }
    }

    /** A client whose connection fails every write once {@code gone} is set, as one that went away. */
    private record LeavingClient(AtomicBoolean gone) implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            ServletOutputStream out = response.getOutputStream();
            chain.doFilter(request, new HttpServletResponseWrapper((HttpServletResponse) response) {
                @Override
                public ServletOutputStream getOutputStream() {
                    return new ServletOutputStream() {
                        @Override
                        public void write(int b) throws IOException {
                            write(new byte[] { (byte) b }, 0, 1);
                        }

                        @Override
                        public void write(byte[] bytes, int offset, int length) throws IOException {
                            if (gone.get()) {
                                throw new IOException("Broken pipe");
                            }
                            out.write(bytes, offset, length);
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(WriteListener listener) {
                            out.setWriteListener(listener);
                        }
                    };
                }
            });
        }
    }

    /** One user's topic, delivered on the caller's thread. */
    private static final class Notifications implements UserNotifications {

        private final List<Consumer<String>> listeners = new ArrayList<>();

        @Override
        public void send(UUID userId, String topic, Object payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Subscription subscribe(UUID userId, String topic, Consumer<String> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        int listeners() {
            return listeners.size();
        }

        void deliver(String message) {
            List.copyOf(listeners).forEach(listener -> listener.accept(message));
        }
    }
}
