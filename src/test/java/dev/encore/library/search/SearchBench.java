package dev.encore.library.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.encore.EncoreApplication;
import dev.encore.library.Visibility;
import dev.encore.library.content.StoredMedia;
import dev.encore.library.track.Track;
import dev.encore.library.track.TrackDetails;
import dev.encore.library.track.Tracks;
import dev.encore.support.Tokens;

/**
 * Search latency on a large library (run by {@code bench/search.sh}, never by the test suite):
 * starts Encore in-process on a fresh data directory, seeds tracks with made-up but word-like
 * titles, artists, albums and tags, builds the index, then times searches over HTTP (prefixes,
 * whole words, typos, two words) one after another and prints p50/p95/p99.
 *
 * <p>Arguments: tracks (100000), queries (2000), and any further {@code --key=value} settings
 * (e.g. {@code --encore.search.engine=postgres --spring.datasource.url=...}).
 */
public final class SearchBench {

    private static final Random RANDOM = new Random(42);
    private static final String[] SYLLABLES = { "ka", "lo", "mi", "ra", "ne", "to", "shi", "va", "dor", "len",
        "bri", "son", "mar", "tel", "qui", "zen", "fa", "ro", "lu", "gan", "per", "dis", "ul", "mo", "ve", "ri",
        "sta", "cor", "bel", "nia" };

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int trackCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path dataDir = Files.createTempDirectory("encore-search-bench");
        System.setProperty("encore.data-dir", dataDir.toString());
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=warn",
                "--logging.structured.format.console=", "--jobrunr.background-job-server.enabled=false",
                "--spring.jpa.properties.hibernate.jdbc.batch_size=500",
                "--spring.jpa.properties.hibernate.order_inserts=true",
                "--encore.ratelimit.enabled=false"));
        settings.addAll(Arrays.asList(args).subList(Math.min(2, args.length), args.length));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EncoreApplication.class)
                .run(settings.toArray(String[]::new))) {
            String[] words = words(3_000);
            long seeding = System.nanoTime();
            seed(app, trackCount, words);
            System.out.printf("seeded %,d tracks in %.1f s%n", trackCount, (System.nanoTime() - seeding) / 1e9);
            long indexing = System.nanoTime();
            LibrarySearch search = app.getBean(LibrarySearch.class);
            search.rebuild();
            System.out.printf("indexed in %.1f s (engine %s)%n", (System.nanoTime() - indexing) / 1e9,
                    search.engineName());

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String token = new Tokens(app.getBean(JwtEncoder.class)).user();
            HttpClient client = HttpClient.newHttpClient();
            List<String> queries = queries(words, queryCount);
            for (String query : queries.subList(0, Math.min(500, queries.size()))) {
                time(client, port, token, query); // warm-up: JIT, caches, connections
            }
            long[] nanos = new long[queries.size()];
            long hits = 0;
            for (int i = 0; i < queries.size(); i++) {
                long started = System.nanoTime();
                hits += time(client, port, token, queries.get(i));
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            System.out.printf("engine=%s tracks=%d queries=%d avg-hits=%.1f p50=%.2fms p95=%.2fms p99=%.2fms%n",
                    search.engineName(), trackCount, queries.size(), (double) hits / queries.size(),
                    percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99));
        }
        finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static void seed(ConfigurableApplicationContext app, int count, String[] words) {
        Tracks tracks = app.getBean(Tracks.class);
        TransactionTemplate transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        String[] artists = new String[Math.max(1, count / 20)];
        for (int i = 0; i < artists.length; i++) {
            artists[i] = capitalized(pick(words)) + " " + capitalized(pick(words));
        }
        String[] genres = { "Rock", "Pop", "Jazz", "Classical", "Electronic", "Folk", "Hip Hop", "Blues", "Metal",
            "Ambient", "Soul", "Reggae" };
        UUID[] owners = new UUID[100];
        Arrays.setAll(owners, i -> UUID.randomUUID());
        Instant now = Instant.now();
        for (int from = 0; from < count; from += 1_000) {
            int start = from;
            int end = Math.min(count, from + 1_000);
            transactions.executeWithoutResult(status -> {
                List<Track> batch = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    Track track = new Track(owners[RANDOM.nextInt(owners.length)], new StoredMedia(
                            "%064x".formatted(i), "audio/mpeg", 4_000_000, 180_000, "track" + i + ".mp3"), now);
                    String artist = artists[RANDOM.nextInt(artists.length)];
                    track.describe(new TrackDetails(title(words), artist, capitalized(pick(words)) + " "
                            + capitalized(pick(words)), genres[RANDOM.nextInt(genres.length)],
                            1960 + RANDOM.nextInt(60), null, RANDOM.nextInt(10) < 8 ? Visibility.PUBLIC
                                    : Visibility.PRIVATE, List.of(pick(words), pick(words)), null, null, null), now);
                    batch.add(track);
                }
                tracks.saveAll(batch);
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
        int items = response.body().split("\"id\"", -1).length - 1;
        return items;
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String[] words(int count) {
        String[] words = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + RANDOM.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                word.append(SYLLABLES[RANDOM.nextInt(SYLLABLES.length)]);
            }
            words[i] = word.toString();
        }
        return words;
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
