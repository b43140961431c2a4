package dev.encore.library.search;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.EncoreApplication;
import dev.encore.support.Tokens;

/**
 * Search latency on a large library (run by {@code bench/search.sh}, never by the test suite):
 * starts Encore in-process on a fresh data directory, seeds tracks with made-up but word-like
 * titles, artists, albums and tags (plain batched JDBC inserts: a million rows in minutes), builds
 * the index, then times searches over HTTP one after another (whole words, prefixes as typed,
 * one-typo words, two words) and prints p50/p95/p99 per kind and overall, with the heap in use.
 *
 * <p>The vocabulary grows with the library (3,000 words up to 150,000 tracks, one per 50 tracks
 * beyond), so that the term dictionary a typo or a prefix is expanded over grows too, while a
 * prefix or a common word still hits many thousands of tracks.
 *
 * <p>Arguments: tracks (100000), queries (2000), and any further {@code --key=value} settings
 * (e.g. {@code --encore.search.engine=postgres --spring.datasource.url=...}). Last line:
 * {@code ENGINE-RESULT engine tracks p50 p95 p99 heapAfterBuildMb heapAfterLoadMb peakHeapMb maxHeapMb
 * seedSeconds indexSeconds}, for {@code bench/search.sh} to print the README row from.
 */
public final class SearchBench {

    private static final Random RANDOM = new Random(42);
    private static final String[] SYLLABLES = { "ka", "lo", "mi", "ra", "ne", "to", "shi", "va", "dor", "len",
        "bri", "son", "mar", "tel", "qui", "zen", "fa", "ro", "lu", "gan", "per", "dis", "ul", "mo", "ve", "ri",
        "sta", "cor", "bel", "nia" };
    private static final String[] KINDS = { "word", "prefix", "typo", "two-words" };
    private static final int SEED_BATCH = 5_000;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int trackCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path dataDir = Files.createTempDirectory("encore-search-bench");
        System.setProperty("encore.data-dir", dataDir.toString());
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=warn",
                "--logging.structured.format.console=", "--jobrunr.background-job-server.enabled=false",
                "--encore.ratelimit.enabled=false"));
        settings.addAll(Arrays.asList(args).subList(Math.min(2, args.length), args.length));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EncoreApplication.class)
                .run(settings.toArray(String[]::new))) {
            String[] words = words(Math.max(3_000, trackCount / 50));
            long seeding = System.nanoTime();
            seed(app, trackCount, words);
            double seedSeconds = (System.nanoTime() - seeding) / 1e9;
            System.out.printf("seeded %,d tracks in %.1f s%n", trackCount, seedSeconds);
            long indexing = System.nanoTime();
            LibrarySearch search = app.getBean(LibrarySearch.class);
            search.rebuild();
            double indexSeconds = (System.nanoTime() - indexing) / 1e9;
            System.out.printf("indexed in %.1f s (engine %s)%n", indexSeconds, search.engineName());
            long heapAfterBuild = usedAfterGc();

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String token = new Tokens(app.getBean(JwtEncoder.class)).user();
            HttpClient client = HttpClient.newHttpClient();
            List<String> queries = queries(words, queryCount);
            for (String query : queries.subList(0, Math.min(500, queries.size()))) {
                time(client, port, token, query); // warm-up: JIT, caches, connections
            }
            AtomicLong peak = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    }
                    catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long[][] byKind = new long[KINDS.length][(queries.size() + KINDS.length - 1) / KINDS.length];
            int[] counted = new int[KINDS.length];
            long[] nanos = new long[queries.size()];
            long hits = 0;
            for (int i = 0; i < queries.size(); i++) {
                long started = System.nanoTime();
                hits += time(client, port, token, queries.get(i));
                nanos[i] = System.nanoTime() - started;
                byKind[i % KINDS.length][counted[i % KINDS.length]++] = nanos[i];
            }
            sampler.interrupt();
            long heapAfterLoad = usedAfterGc();
            long maxHeap = MEMORY.getHeapMemoryUsage().getMax();
            for (int k = 0; k < KINDS.length; k++) {
                long[] kind = Arrays.copyOf(byKind[k], counted[k]);
                Arrays.sort(kind);
                System.out.printf("  %-9s p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms%n", KINDS[k],
                        percentile(kind, 50), percentile(kind, 95), percentile(kind, 99), kind[kind.length - 1] / 1e6);
            }
            Arrays.sort(nanos);
            System.out.printf("engine=%s tracks=%d queries=%d avg-hits=%.1f p50=%.2fms p95=%.2fms p99=%.2fms%n",
                    search.engineName(), trackCount, queries.size(), (double) hits / queries.size(),
                    percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99));
            System.out.printf("heap: %d MB after the build, %d MB after the queries (both after a GC), peak %d MB "
                    + "used, max %d MB%n", mb(heapAfterBuild), mb(heapAfterLoad), mb(peak.get()), mb(maxHeap));
            System.out.printf("ENGINE-RESULT %s %d %.1f %.1f %.1f %d %d %d %d %.0f %.0f%n", search.engineName(),
                    trackCount, percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99),
                    mb(heapAfterBuild), mb(heapAfterLoad), mb(peak.get()), mb(maxHeap), seedSeconds, indexSeconds);
        }
        finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /**
     * Rows straight into {@code tracks} and {@code track_tags} (what saving through JPA would
     * write), a batch per transaction: no entity per row, no events (the index is rebuilt after).
     */
    private static void seed(ConfigurableApplicationContext app, int count, String[] words) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        TransactionTemplate transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        String[] artists = new String[Math.max(1, count / 20)];
        for (int i = 0; i < artists.length; i++) {
            artists[i] = capitalized(pick(words)) + " " + capitalized(pick(words));
        }
        String[] genres = { "Rock", "Pop", "Jazz", "Classical", "Electronic", "Folk", "Hip Hop", "Blues", "Metal",
            "Ambient", "Soul", "Reggae" };
        UUID[] owners = new UUID[100];
        Arrays.setAll(owners, i -> UUID.randomUUID());
        Timestamp now = Timestamp.from(Instant.now());
        for (int from = 0; from < count; from += SEED_BATCH) {
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> tags = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + SEED_BATCH); i++) {
                UUID id = UUID.randomUUID();
                rows.add(new Object[] { id, owners[RANDOM.nextInt(owners.length)], title(words),
                    artists[RANDOM.nextInt(artists.length)], capitalized(pick(words)) + " " + capitalized(pick(words)),
                    genres[RANDOM.nextInt(genres.length)], 1960 + RANDOM.nextInt(60),
                    RANDOM.nextInt(10) < 8 ? "PUBLIC" : "PRIVATE", "%064x".formatted(i), "track" + i + ".mp3", now,
                    now });
                Set<String> trackTags = new LinkedHashSet<>(List.of(pick(words), pick(words)));
                trackTags.forEach(tag -> tags.add(new Object[] { id, tag }));
            }
            transactions.executeWithoutResult(status -> {
                jdbc.batchUpdate("""
                        INSERT INTO tracks (id, owner_id, title, artist, album, genre, release_year, visibility,
                            featured, duration_ms, sha256, mime_type, size_bytes, filename, created_at, updated_at,
                            version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, 180000, ?, 'audio/mpeg', 4000000, ?, ?, ?, 0)""", rows);
                jdbc.batchUpdate("INSERT INTO track_tags (track_id, tag) VALUES (?, ?)", tags);
            });
        }
    }

    /** Whole words, prefixes as typed, one-typo words and two-word queries, in equal parts. */
    private static List<String> queries(String[] words, int count) {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String word = pick(words);
            queries.add(switch (i % 4) {
                case 0 -> word;
                case 1 -> word.substring(0, Math.min(word.length(), 3 + RANDOM.nextInt(2)));
                case 2 -> typo(word);
                default -> word + " " + pick(words);
            });
        }
        return queries;
    }

    private static long time(HttpClient client, int port, String token, String query) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/search?size=20&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
        }
        if (!"database".equals(response.headers().firstValue(SearchController.SOURCE_HEADER).orElse(null))) {
            return response.body().split("\"id\"", -1).length - 1;
        }
        throw new IllegalStateException("search answered from the database, not the engine: " + query);
    }

    private static long usedAfterGc() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String[] words(int count) {
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < count) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + RANDOM.nextInt(words.size() < 3_000 ? 3 : 4);
            for (int s = 0; s < syllables; s++) {
                word.append(SYLLABLES[RANDOM.nextInt(SYLLABLES.length)]);
            }
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }

    private static String title(String[] words) {
        int length = 1 + RANDOM.nextInt(4);
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < length; i++) {
            title.append(i == 0 ? "" : " ").append(capitalized(pick(words)));
        }
        return title.toString();
    }

    private static String typo(String word) {
        if (word.length() < 5) {
            return word;
        }
        int at = 1 + RANDOM.nextInt(word.length() - 2);
        return word.substring(0, at) + (char) ('a' + RANDOM.nextInt(26)) + word.substring(at + 1);
    }

    private static String pick(String[] words) {
        return words[RANDOM.nextInt(words.length)];
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
