import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load side of {@code bench/live.sh}: one listening room on a running Encore, a host and N
 * listeners, each listener a STOMP 1.2 client over the JDK's WebSocket (no library: the framing is
 * a few lines). Measures, on loopback:
 * <ul>
 * <li>host command → {@code state} message received, per command for the last of the N listeners
 * and over every delivery (the host SENDs a seek/pause/play; the clock is this JVM's nanoTime on
 * both ends, so there is no clock error);</li>
 * <li>the Encore process's memory per connected listener (RSS and live heap, both after a full GC,
 * before and after the N connections and subscriptions);</li>
 * <li>the clock-offset error of the documented sync (best of 8 {@code /app/time} samples by round
 * trip): server and client share the machine's clock, so the true offset is 0.</li>
 * </ul>
 *
 * <pre>java bench/LiveBench.java --base http://127.0.0.1:8080 --pid 1234 --clients 500 --commands 50 --track tone.mp3</pre>
 */
public class LiveBench {

    static final String PASSWORD = "Quiet-Harbor-2026";

    final URI base;
    final long pid;
    final int clients;
    final int commands;
    final long spacingMs;
    final Path track;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Listeners spread over several clients: each HttpClient reads all its sockets on one selector thread. */
    final List<HttpClient> socketClients = new ArrayList<>();

    LiveBench(Map<String, String> args) {
        base = URI.create(args.getOrDefault("base", "http://127.0.0.1:8080"));
        pid = Long.parseLong(args.getOrDefault("pid", "0"));
        clients = Integer.parseInt(args.getOrDefault("clients", "500"));
        commands = Integer.parseInt(args.getOrDefault("commands", "50"));
        spacingMs = Long.parseLong(args.getOrDefault("spacing-ms", "250"));
        track = Path.of(args.getOrDefault("track", "tone.mp3"));
        int selectors = Integer.parseInt(args.getOrDefault("selectors", "4"));
        for (int i = 0; i < selectors; i++) {
            socketClients.add(HttpClient.newHttpClient());
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        new LiveBench(args).run();
        System.exit(0);
    }

    void run() throws Exception {
        long started = System.nanoTime();
        Account host = account("host");
        String trackId = uploadTrack(host);
        List<Account> listeners = accounts(clients);
        log("%d accounts registered and signed in (%.0f s)", clients + 1, seconds(started));
        Map<String, Object> room = Json.object(expect(201, post("/api/v1/rooms", host.token,
                Json.write(Map.of("name", "Bench room", "isPublic", true, "maxListeners", clients + 1)))));
        String roomId = (String) room.get("id");
        String topic = "/topic/live/room/" + roomId;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> joins = new ArrayList<>();
            for (Account listener : listeners) {
                joins.add(pool.submit(() -> expect(200, post("/api/v1/rooms/" + roomId + "/members", listener.token, "{}"))));
            }
            for (Future<?> join : joins) {
                join.get();
            }
        }
        log("%d listeners joined room %s over REST", clients, roomId);

        Stomp hostSocket = Stomp.connect(socketClients.get(0), base, host.token, "host");
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch subscribed = new CountDownLatch(1);
        hostSocket.subscribe("/user/queue/errors", (frame, at) -> log("host error: %s", frame.body));
        hostSocket.subscribe("/user/queue/live", (frame, at) -> subscribed.countDown());
        hostSocket.subscribe(topic, (frame, at) -> {
            if (frame.body.contains("\"state\"") && frame.body.contains(trackId)) {
                loaded.countDown();
            }
        });
        subscribed.await(10, TimeUnit.SECONDS);
        // queued first, the track is loaded at once (paused at 0)
        hostSocket.send("/app/live/room/" + roomId + "/queue/add", Json.write(Map.of("trackId", trackId)));
        if (!loaded.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the host never saw the track loaded");
        }
        Commands commands = new Commands(hostSocket, "/app/live/room/" + roomId + "/");

        Memory before = memory();
        Listener[] all = new Listener[clients];
        long connecting = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Listener>> connected = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                connected.add(pool.submit(() -> new Listener(n, Stomp.connect(socketClients.get(n % socketClients.size()),
                        base, listeners.get(n).token, "l" + n), topic)));
            }
            for (int i = 0; i < clients; i++) {
                all[i] = connected.get(i).get();
            }
        }
        awaitSubscribed(all, commands);
        log("%d listeners connected and subscribed (%.1f s)", clients, seconds(connecting));
        Memory after = memory();
        double[][] sync = clockSync(all);
        log("clock sync done; %d warm-up commands, then %d measured", WARM_UP, this.commands);
        commands.run(all, WARM_UP);
        long[][] latency = commands.run(all, this.commands);
        long snapshots = Arrays.stream(all).filter(l -> l.snapshot.getCount() == 0).count();
        int mismatched = Arrays.stream(all).mapToInt(l -> l.mismatched.get()).sum();
        report(latency, snapshots, mismatched, before, after, sync);
        for (Listener listener : all) {
            listener.socket.close();
        }
        hostSocket.close();
    }

    static final int WARM_UP = 10;

    /**
     * Every listener has seen a message on the room's topic: its subscription is in place. The
     * presence broadcasts of the joins reach most; a host command reaches the rest. (Stronger than
     * waiting for the snapshots, which the report counts: they once raced the SUBSCRIBE.)
     */
    void awaitSubscribed(Listener[] all, Commands commands) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            long waiting = 0;
            for (Listener listener : all) {
                waiting += listener.topicSeen.await(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS)
                        ? 0 : 1;
            }
            if (waiting == 0) {
                return;
            }
            log("%d listeners have seen nothing on the topic yet; the host seeks", waiting);
            commands.host.send(commands.prefix + "seek", Json.write(Map.of("positionMs", 1000 + attempt)));
        }
        throw new IllegalStateException("listeners never saw a message on the room's topic");
    }

    /** The host's commands: seeks, with a pause and a play now and then, each to a distinct position. */
    final class Commands {
        static final String[] KINDS = { "seek", "seek", "pause", "seek", "play" };
        final Stomp host;
        final String prefix;

        Commands(Stomp host, String prefix) {
            this.host = host;
            this.prefix = prefix;
        }

        /**
         * {@code count} commands, each once the previous one reached every listener (or 10 s went by)
         * and a pause; per command and listener the nanoseconds from send to receipt, -1 when never.
         */
        long[][] run(Listener[] all, int count) throws InterruptedException {
            long[][] latency = new long[count][all.length];
            for (int c = 0; c < count; c++) {
                String kind = KINDS[c % KINDS.length];
                long position = 10_000L + 1_000L * c + 7;
                Expected expected = new Expected(position, new long[all.length], new CountDownLatch(all.length));
                for (Listener listener : all) {
                    listener.expect(expected);
                }
                long sentAt = System.nanoTime();
                host.send(prefix + kind, Json.write(Map.of("positionMs", position)));
                if (!expected.delivered.await(10, TimeUnit.SECONDS)) {
                    log("command %d (%s): %d listeners did not get the state within 10 s", c, kind,
                            expected.delivered.getCount());
                }
                for (int i = 0; i < all.length; i++) {
                    all[i].expect(null);
                    latency[c][i] = expected.received[i] == 0 ? -1 : expected.received[i] - sentAt;
                }
                Thread.sleep(spacingMs);
            }
            return latency;
        }
    }

    /** Eight samples per listener, 16 listeners at a time; the best sample by round trip is the estimate. */
    double[][] clockSync(Listener[] all) throws Exception {
        double[] offsets = new double[all.length];
        double[] rtts = new double[all.length];
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    double[] best = all[n].sync(8);
                    offsets[n] = best[0];
                    rtts[n] = best[1];
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        return new double[][] { offsets, rtts };
    }

    void report(long[][] latency, long snapshots, int mismatched, Memory before, Memory after, double[][] sync) {
        List<Double> firstPerCommand = new ArrayList<>();
        List<Double> lastPerCommand = new ArrayList<>();
        List<Double> deliveries = new ArrayList<>();
        int missing = 0;
        for (long[] command : latency) {
            long first = Long.MAX_VALUE;
            long last = 0;
            for (long l : command) {
                if (l >= 0) {
                    deliveries.add(l / 1e6);
                    first = Math.min(first, l);
                    last = Math.max(last, l);
                }
                else {
                    missing++;
                }
            }
            firstPerCommand.add(first == Long.MAX_VALUE ? Double.NaN : first / 1e6);
            lastPerCommand.add(last / 1e6);
        }
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).substring(0, 14).strip();
        }
        catch (IOException | RuntimeException ex) {
            load = "?";
        }
        System.out.printf("%nlive room bench: %d listeners + host in one room, %d commands, %d ms apart, loopback; "
                + "load average at the end %s%n", clients, commands, spacingMs, load);
        System.out.printf("%-44s %9s %9s %9s%n", "", "p50", "p99", "max");
        row("command → first listener's state (ms)", firstPerCommand);
        row("command → last listener's state (ms)", lastPerCommand);
        row("command → each listener's state (ms)", deliveries);
        List<Double> offsetError = new ArrayList<>();
        for (double o : sync[0]) {
            offsetError.add(Math.abs(o));
        }
        row("clock offset error |estimate − 0| (ms)", offsetError);
        row("clock sync best round trip (ms)", Arrays.stream(sync[1]).boxed().toList());
        System.out.printf("deliveries missing: %d, state messages with another position than sent: %d, "
                + "snapshots received on /user/queue/live: %d of %d%n", missing, mismatched, snapshots, clients);
        if (before != null && after != null) {
            System.out.printf("Encore memory per listener (after a full GC): live heap %.1f KiB (%.1f → %.1f MiB), "
                    + "outside the heap (RSS) %.1f KiB (%.0f → %.0f MiB)%n", (after.heapKiB - before.heapKiB) / (double) clients,
                    before.heapKiB / 1024.0, after.heapKiB / 1024.0, (after.rssKiB - before.rssKiB) / (double) clients,
                    before.rssKiB / 1024.0, after.rssKiB / 1024.0);
        }
    }

    static void row(String label, List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            System.out.printf("%-44s %9s%n", label, "none");
            return;
        }
        System.out.printf("%-44s %9.2f %9.2f %9.2f%n", label, percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(rank, 0, sorted.length - 1)];
    }

    /** A command in flight: the position it sets, when each listener got its state (nanoTime, 0 = not yet). */
    record Expected(long positionMs, long[] received, CountDownLatch delivered) {
    }

    /** One listener: its socket, where the {@code state} of the command in flight goes. */
    final class Listener {
        final int n;
        final Stomp socket;
        final CountDownLatch snapshot = new CountDownLatch(1);
        final CountDownLatch topicSeen = new CountDownLatch(1);
        final AtomicInteger mismatched = new AtomicInteger();
        final BlockingQueue<double[]> times = new LinkedBlockingQueue<>();
        /** The command in flight, set by the host's thread, read by this socket's; null between commands. */
        volatile Expected expected;

        Listener(int n, Stomp socket, String topic) {
            this.n = n;
            this.socket = socket;
            socket.subscribe("/user/queue/live", (frame, at) -> snapshot.countDown());
            socket.subscribe("/user/queue/time", (frame, at) -> {
                Map<String, Object> body = Json.object(frame.body);
                times.add(new double[] { number(body.get("clientTime")), number(body.get("serverReceive")),
                        number(body.get("serverSend")), epochMillis() });
            });
            socket.subscribe("/user/queue/errors", (frame, at) -> log("listener %d error: %s", n, frame.body));
            socket.subscribe(topic, this::onTopic);
        }

        void expect(Expected command) {
            expected = command;
        }

        void onTopic(Frame frame, long at) {
            topicSeen.countDown();
            Expected command = expected;
            if (command == null || command.received[n] != 0 || !frame.body.contains("\"state\"")) {
                return;
            }
            Map<String, Object> body = Json.object(frame.body);
            if (!"state".equals(body.get("type"))) {
                return;
            }
            command.received[n] = at;
            Object position = find(body, "positionMs");
            if (position != null && (long) number(position) != command.positionMs) {
                mismatched.incrementAndGet();
            }
            command.delivered.countDown();
        }

        /** {@code samples} round trips one after another; the one with the shortest round trip wins: {offset, rtt}. */
        double[] sync(int samples) throws Exception {
            double[] best = { 0, Double.MAX_VALUE };
            for (int i = 0; i < samples; i++) {
                double t0 = epochMillis();
                socket.send("/app/time", "{\"clientTime\":" + t0 + "}");
                double[] t = times.poll(10, TimeUnit.SECONDS);
                if (t == null) {
                    throw new IllegalStateException("listener " + n + ": no answer on /user/queue/time");
                }
                double rtt = (t[3] - t[0]) - (t[2] - t[1]);
                if (rtt < best[1]) {
                    best = new double[] { ((t[1] - t[0]) + (t[2] - t[3])) / 2, rtt };
                }
            }
            return best;
        }
    }

    /** Looks for {@code key} at the top of the message, then under {@code data} / {@code state}. */
    static Object find(Map<String, Object> body, String key) {
        if (body.containsKey(key)) {
            return body.get(key);
        }
        for (String nested : List.of("data", "state")) {
            if (body.get(nested) instanceof Map<?, ?> inner) {
                @SuppressWarnings("unchecked")
                Object found = find((Map<String, Object>) inner, key);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    /** Wall-clock milliseconds with the microseconds the JDK's clock gives. */
    static double epochMillis() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
    }

    // ---------------------------------------------------------------- accounts, REST

    record Account(String username, String token) {
    }

    List<Account> accounts(int count) throws Exception {
        List<Account> accounts = new ArrayList<>();
        // password hashing (Argon2id) is the cost: as many at once as the server has cores, and a few more
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Account>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                made.add(pool.submit(() -> account("l" + n)));
            }
            for (Future<Account> account : made) {
                accounts.add(account.get());
            }
        }
        return accounts;
    }

    Account account(String prefix) throws IOException, InterruptedException {
        String username = prefix + "x" + UUID.randomUUID().toString().substring(0, 8);
        expect(201, post("/api/v1/auth/register", null, Json.write(Map.of("username", username, "email",
                username + "@example.org", "password", PASSWORD))));
        Map<String, Object> login = Json.object(expect(200, post("/api/v1/auth/login", null,
                Json.write(Map.of("identifier", username, "password", PASSWORD)))));
        return new Account(username, (String) login.get("accessToken"));
    }

    String uploadTrack(Account host) throws IOException, InterruptedException {
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + track.getFileName() + "\"\r\nContent-Type: audio/mpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest upload = HttpRequest.newBuilder(base.resolve("/api/v1/uploads"))
                .header("Authorization", "Bearer " + host.token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(track), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        String uploadId = (String) Json.object(expect(201, http.send(upload, HttpResponse.BodyHandlers.ofString())))
                .get("id");
        return (String) Json.object(expect(201, post("/api/v1/tracks", host.token,
                Json.write(Map.of("uploadId", uploadId, "title", "Bench tone", "artist", "Bench"))))).get("id");
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status && !(status == 201 && response.statusCode() == 200)) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " → "
                    + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    // ---------------------------------------------------------------- memory of the server process

    record Memory(long rssKiB, long heapKiB) {
    }

    Memory memory() throws IOException, InterruptedException {
        if (pid <= 0) {
            return null;
        }
        jcmd("GC.run");
        Thread.sleep(500);
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        long heap = 0;
        var used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (used.find()) {
            heap = Long.parseLong(used.group(1));
        }
        return new Memory(rss, heap);
    }

    String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    static void log(String format, Object... args) {
        System.err.printf("[%s] %s%n", Instant.now().toString().substring(11, 23), String.format(format, args));
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    // ---------------------------------------------------------------- STOMP 1.2 over WebSocket

    record Frame(String command, Map<String, String> headers, String body) {
    }

    /** A frame handler; {@code at} is {@link System#nanoTime()} when the frame's last bytes arrived. */
    interface Handler {
        void handle(Frame frame, long at);
    }

    /** A minimal STOMP 1.2 client: CONNECT (no heart-beats), SUBSCRIBE, SEND; frames split on NUL. */
    static final class Stomp implements WebSocket.Listener {
        final String name;
        final Map<String, Handler> handlers = new ConcurrentHashMap<>();
        final CompletableFuture<Frame> connected = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        final AtomicInteger ids = new AtomicInteger();
        WebSocket socket;
        /** Set once the bench is done: what the server says while the connections go is not news. */
        volatile boolean closing;

        Stomp(String name) {
            this.name = name;
        }

        static Stomp connect(HttpClient client, URI base, String token, String name) throws Exception {
            Stomp stomp = new Stomp(name);
            URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
            stomp.socket = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).buildAsync(ws, stomp)
                    .get(60, TimeUnit.SECONDS);
            stomp.frame("CONNECT", Map.of("accept-version", "1.2", "host", base.getHost(), "heart-beat", "0,0",
                    "Authorization", "Bearer " + token), "");
            Frame answer = stomp.connected.get(60, TimeUnit.SECONDS);
            if (!answer.command.equals("CONNECTED")) {
                throw new IllegalStateException(name + ": CONNECT answered " + answer);
            }
            return stomp;
        }

        void subscribe(String destination, Handler handler) {
            String id = "s" + ids.incrementAndGet();
            handlers.put(id, handler);
            frame("SUBSCRIBE", Map.of("id", id, "destination", destination), "");
        }

        void send(String destination, String json) {
            frame("SEND", Map.of("destination", destination, "content-type", "application/json",
                    "content-length", Integer.toString(json.getBytes(StandardCharsets.UTF_8).length)), json);
        }

        /** One frame; sends on one socket never overlap (the JDK refuses a send while one is pending). */
        synchronized void frame(String command, Map<String, String> headers, String body) {
            StringBuilder frame = new StringBuilder(command).append('\n');
            headers.forEach((name, value) -> frame.append(name).append(':').append(value).append('\n'));
            frame.append('\n').append(body).append('\0');
            socket.sendText(frame, true).join();
        }

        void close() {
            closing = true;
            try {
                frame("DISCONNECT", Map.of(), "");
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            }
            catch (Exception ex) {
                socket.abort();
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long at = System.nanoTime();
            partial.append(data);
            int end;
            while ((end = partial.indexOf("\0")) >= 0) {
                String raw = partial.substring(0, end);
                partial.delete(0, end + 1);
                if (!raw.isBlank()) {
                    dispatch(parse(raw.stripLeading()), at);
                }
            }
            webSocket.request(1);
            return null;
        }

        void dispatch(Frame frame, long at) {
            switch (frame.command) {
                case "CONNECTED" -> connected.complete(frame);
                case "MESSAGE" -> {
                    Handler handler = handlers.get(frame.headers.get("subscription"));
                    if (handler != null) {
                        handler.handle(frame, at);
                    }
                }
                case "ERROR" -> {
                    if (!closing) {
                        log("%s: STOMP ERROR %s %s", name, frame.headers.get("message"), frame.body);
                    }
                    connected.complete(frame);
                }
                default -> { }
            }
        }

        static Frame parse(String raw) {
            int headerEnd = raw.indexOf("\n\n");
            String head = headerEnd < 0 ? raw : raw.substring(0, headerEnd);
            String body = headerEnd < 0 ? "" : raw.substring(headerEnd + 2);
            String[] lines = head.split("\r?\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 1));
                }
            }
            return new Frame(lines[0].strip(), headers, body);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (statusCode != WebSocket.NORMAL_CLOSURE && !closing) {
                log("%s: socket closed %d %s", name, statusCode, reason);
            }
            connected.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closing) {
                log("%s: socket error %s", name, error);
            }
            connected.completeExceptionally(error);
        }
    }

    // ---------------------------------------------------------------- JSON, just enough

    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            Object value = new Json(text).value();
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException("not a JSON object: " + text);
            }
            return (Map<String, Object>) value;
        }

        static String write(Map<String, ?> object) {
            StringBuilder out = new StringBuilder("{");
            object.forEach((key, value) -> {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(quote(key)).append(':').append(value instanceof String s ? quote(s) : String.valueOf(value));
            });
            return out.append('}').toString();
        }

        static String quote(String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }

        private Object value() {
            skip();
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            skip();
            if (text.charAt(at) == '}') {
                at++;
                return object;
            }
            while (true) {
                skip();
                String key = string();
                skip();
                at++; // :
                object.put(key, value());
                skip();
                if (text.charAt(at++) == '}') {
                    return object;
                }
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            at++;
            skip();
            if (text.charAt(at) == ']') {
                at++;
                return array;
            }
            while (true) {
                array.add(value());
                skip();
                if (text.charAt(at++) == ']') {
                    return array;
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                }
                else {
                    out.append(c);
                }
            }
        }

        private Object literal(String word, Object value) {
            at += word.length();
            return value;
        }

        private Number number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String n = text.substring(start, at);
            return n.contains(".") || n.contains("e") || n.contains("E") ? (Number) Double.parseDouble(n)
                    : (Number) Long.parseLong(n);
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
