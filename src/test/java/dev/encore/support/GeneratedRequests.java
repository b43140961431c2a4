package dev.encore.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated bad input for every operation of Encore's own OpenAPI document ({@code /v3/api-docs}):
 * wrong types, missing and extra fields, garbage ids, broken escapes, NULs, huge values and odd
 * content types, with a valid bearer token and without. Deterministic for a seed. A finding is an
 * answer with a 5xx status, or a body that leaks a stack trace, a Java class name, SQL or a
 * filesystem path. Used by {@code GeneratedRequestsIT} on the test app, and by
 * {@code bench/fuzz.sh} (through {@link #main}) on a running server.
 */
public final class GeneratedRequests {

    /** Where the bearer tokens come from. */
    public interface Credentials {

        /** A token of a signed-in user (a fresh one for each request, where the caller can mint them). */
        String token();

        /** The server refused the last token (a request signed it out): sign in again. */
        default void refused() {
        }
    }

    /** One answer that breaks the rules. */
    public record Finding(String request, int status, String body) {

        @Override
        public String toString() {
            return request + " -> " + status + ": " + body.substring(0, Math.min(300, body.length()));
        }
    }

    /** What a walk did. */
    public record Report(int requests, int operations, Map<Integer, Integer> statuses, List<Finding> findings,
            List<String> timeouts) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int PER_OPERATION = 30;

    /** Stack traces, class names, SQL and paths: none may reach a client. */
    private static final Pattern LEAK = Pattern.compile(
            "\\tat |\\bat [a-z]+\\.[a-z]+\\.[A-Za-z.$]+\\(|dev\\.encore\\.|\\bjava\\.[a-z]+\\.|\\bjakarta\\.[a-z]+\\."
                    + "|\\borg\\.(springframework|hibernate|apache|h2|postgresql|flywaydb|eclipse)\\b|Exception\\b"
                    + "|SELECT |INSERT |UPDATE [a-z_]+ SET|DELETE FROM|\\bconstraint\\b|/tmp/|/var/lib/|/home/");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Credentials credentials;
    private final Random random;
    private final int budget;
    private final List<String> leakMarkers = new ArrayList<>();
    private final List<String> operatorPaths = new ArrayList<>();
    private int sent;
    private String clientAddress;

    /**
     * @param base        the server, e.g. {@code http://127.0.0.1:8080}
     * @param credentials bearer tokens of a signed-in user
     * @param seed        the seed of every choice
     * @param budget      the most requests to send
     */
    public GeneratedRequests(String base, Credentials credentials, long seed, int budget) {
        this.base = base.replaceAll("/+$", "");
        this.credentials = credentials;
        this.random = new Random(seed);
        this.budget = budget;
    }

    /** Also a finding: a body containing {@code marker} (the server's data directory, for example). */
    public GeneratedRequests leaking(String marker) {
        leakMarkers.add(marker);
        return this;
    }

    /**
     * Signed answers under {@code prefix} are for operators and may name paths (health details
     * show an admin the data directory's disk): they are checked for 5xx only.
     */
    public GeneratedRequests operatorDetailsUnder(String prefix) {
        operatorPaths.add(prefix);
        return this;
    }

    /** Walks every operation of the document. */
    public Report walk() {
        JsonNode document = JSON.readTree(send("GET", "/v3/api-docs", null, null, null, Map.of()).body());
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        List<String> timeouts = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!List.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
                    continue;
                }
                operations++;
                Operation op = new Operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue(),
                        document);
                for (Attempt attempt : choose(op.attempts())) {
                    if (sent >= budget) {
                        return new Report(sent, operations, statuses, findings, timeouts);
                    }
                    check(attempt, statuses, findings, timeouts);
                }
            }
        }
        return new Report(sent, operations, statuses, findings, timeouts);
    }

    private void check(Attempt attempt, Map<Integer, Integer> statuses, List<Finding> findings, List<String> timeouts) {
        String token = attempt.signed() ? credentials.token() : null;
        HttpResponse<String> response;
        try {
            response = send(attempt.method(), attempt.target(), attempt.contentType(), attempt.body(), token,
                    attempt.headers());
        }
        catch (TimedOut | IllegalStateException ex) {
            timeouts.add(attempt.describe());
            return;
        }
        catch (IllegalArgumentException ex) {
            return; // a request the client itself will not send (a control character in a header)
        }
        statuses.merge(response.statusCode(), 1, Integer::sum);
        if (attempt.signed() && response.statusCode() == 401) {
            credentials.refused();
        }
        String body = response.body() == null ? "" : response.body();
        boolean forOperators = attempt.signed() && operatorPaths.stream().anyMatch(attempt.target()::startsWith);
        boolean leaks = !forOperators && (LEAK.matcher(body).find() || leakMarkers.stream().anyMatch(body::contains));
        if (response.statusCode() >= 500 || leaks) {
            findings.add(new Finding(attempt.describe(), response.statusCode(), body));
        }
    }

    /** At most {@link #PER_OPERATION} of an operation's attempts, always with its first (the plausible request). */
    private List<Attempt> choose(List<Attempt> attempts) {
        if (attempts.size() <= PER_OPERATION) {
            return attempts;
        }
        List<Attempt> chosen = new ArrayList<>(attempts.subList(0, 1));
        List<Attempt> rest = new ArrayList<>(attempts.subList(1, attempts.size()));
        java.util.Collections.shuffle(rest, random);
        chosen.addAll(rest.subList(0, PER_OPERATION - 1));
        return chosen;
    }

    private HttpResponse<String> send(String method, String target, String contentType, byte[] body, String token,
            Map<String, String> headers) {
        if (sent++ % 25 == 0) {
            // a new client address now and then: the general rate limit counts per address (where proxies are trusted)
            clientAddress = "198.19." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        }
        URI uri;
        try {
            uri = URI.create(base + target);
        }
        catch (IllegalArgumentException ex) {
            // java.net.URI will not carry a broken escape: such requests go out by hand
            return RawRequest.send(URI.create(base), method, target, contentType, body, token, headers, clientAddress);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", clientAddress)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        }
        catch (HttpTimeoutException ex) {
            throw new TimedOut();
        }
        catch (IOException ex) {
            // the server closed the connection without an answer: a finding of its own
            return RawRequest.missing("connection closed without an answer: " + ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** One request to send. */
    record Attempt(String method, String target, String contentType, byte[] body, boolean signed,
            Map<String, String> headers, String what) {

        String describe() {
            return method + " " + (target.length() > 160 ? target.substring(0, 160) + "..." : target) + " [" + what
                    + (signed ? "" : ", unsigned") + "]";
        }
    }

    /** One operation of the document and the attempts made from it. */
    private final class Operation {

        private final String method;
        private final String path;
        private final JsonNode spec;
        private final JsonNode document;

        Operation(String method, String path, JsonNode spec, JsonNode document) {
            this.method = method;
            this.path = path;
            this.spec = spec;
            this.document = document;
        }

        List<Attempt> attempts() {
            Map<String, String> pathValues = new LinkedHashMap<>();
            Map<String, String> queryValues = new LinkedHashMap<>();
            Map<String, JsonNode> queryTypes = new LinkedHashMap<>();
            Map<String, String> headerNames = new LinkedHashMap<>();
            for (JsonNode parameter : spec.path("parameters")) {
                JsonNode p = resolve(parameter);
                String name = p.path("name").asString();
                JsonNode schema = resolve(p.path("schema"));
                switch (p.path("in").asString()) {
                    case "path" -> pathValues.put(name, scalar(schema));
                    case "query" -> {
                        if (p.path("required").asBoolean(false) || random.nextBoolean()) {
                            queryValues.put(name, scalar(schema));
                        }
                        queryTypes.put(name, schema);
                    }
                    case "header" -> headerNames.put(name, scalar(schema));
                    default -> {
                    }
                }
            }
            Body plausible = plausibleBody();
            List<Attempt> attempts = new ArrayList<>();
            attempts.add(attempt(pathValues, queryValues, plausible, true, Map.of(), "plausible"));
            attempts.add(attempt(pathValues, queryValues, plausible, false, Map.of(), "plausible"));
            for (String name : pathValues.keySet()) {
                for (String garbage : List.of("not-an-id", "%00", "..%2F..%2Fetc", "99999999999999999999999", "%ZZ",
                        "-1", "a".repeat(300), "%E2%80%AE", UUID.randomUUID() + "%20")) {
                    Map<String, String> values = new LinkedHashMap<>(pathValues);
                    values.put(name, garbage);
                    attempts.add(attempt(values, queryValues, plausible, true, Map.of(), "path " + name + "=" + cut(garbage)));
                }
            }
            for (String name : queryTypes.keySet()) {
                for (String garbage : List.of("abc", "2147483647", "2147483648", "-2147483649", "99999999999999999999",
                        "-1", "0", "%ZZ", "%00", "a%", "x".repeat(5000), "%27%20OR%201%3D1--", "%C3%A9%F0%9F%8E%B5",
                        "1e999", "NaN", "true", "", "title,sideways", "%2e%2e%2f")) {
                    Map<String, String> values = new LinkedHashMap<>(queryValues);
                    values.put(name, garbage);
                    attempts.add(attempt(pathValues, values, plausible, true, Map.of(), "query " + name + "=" + cut(garbage)));
                }
            }
            for (String name : headerNames.keySet()) {
                for (String garbage : List.of("abc", "-1", "99999999999999999999", "", "W/\"", "bytes=9-1", "%ZZ",
                        "a".repeat(2000))) {
                    attempts.add(attempt(pathValues, queryValues, plausible, true, Map.of(name, garbage),
                            "header " + name + "=" + cut(garbage)));
                }
            }
            for (Map.Entry<String, String> header : List.of(Map.entry("Range", "bytes=99999999999999999999-"),
                    Map.entry("Range", "bytes=5-1"), Map.entry("Range", "items=0-1"), Map.entry("If-Match", "garbage"),
                    Map.entry("If-None-Match", "W/\"x"), Map.entry("Accept", "application/xml"),
                    Map.entry("Accept", "text/html;q=bogus"), Map.entry("If-Modified-Since", "yesterday"),
                    Map.entry("Accept-Encoding", "gzip;q=2, br;q=-1"), Map.entry("X-Request-ID", "x".repeat(500)),
                    Map.entry("Origin", "null"))) {
                attempts.add(attempt(pathValues, queryValues, plausible, true, Map.ofEntries(header),
                        "header " + header.getKey() + "=" + cut(header.getValue())));
            }
            if (plausible != null) {
                for (Body body : plausible.variants()) {
                    attempts.add(attempt(pathValues, queryValues, body, true, Map.of(), body.what()));
                }
            }
            for (String contentType : List.of("*/*", "application/*", "text/plain", "application/xml", "garbage",
                    "application/json; charset=bogus", "multipart/form-data", "multipart/form-data; boundary=",
                    "application/x-www-form-urlencoded", "application/json; boundary=x", "a/b/c")) {
                byte[] bytes = plausible == null ? "a=%ZZ&b=%00".getBytes(StandardCharsets.UTF_8) : plausible.bytes();
                attempts.add(attempt(pathValues, queryValues, new Body(contentType, bytes, "content type " + contentType),
                        true, Map.of(), "content type " + contentType));
            }
            return attempts;
        }

        private Attempt attempt(Map<String, String> pathValues, Map<String, String> queryValues, Body body,
                boolean signed, Map<String, String> headers, String what) {
            String target = path;
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                target = target.replace("{" + value.getKey() + "}", value.getValue());
            }
            StringBuilder query = new StringBuilder();
            queryValues.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(value));
            return new Attempt(method, target + query, body == null ? null : body.contentType(),
                    body == null ? null : body.bytes(), signed, headers, what);
        }

        private Body plausibleBody() {
            JsonNode content = resolve(spec.path("requestBody")).path("content");
            if (content.isMissingNode() || content.isEmpty()) {
                return null;
            }
            if (content.has("multipart/form-data")) {
                return Multipart.plausible();
            }
            Map.Entry<String, JsonNode> first = content.properties().iterator().next();
            if (!first.getKey().contains("json")) {
                return new Body(first.getKey(), "fuzz".getBytes(StandardCharsets.UTF_8), "plausible");
            }
            return new JsonBody(sample(resolve(first.getValue().path("schema")), 0));
        }

        /** A plausible value of {@code schema}. */
        private JsonNode sample(JsonNode schema, int depth) {
            schema = resolve(schema);
            String type = type(schema);
            if (schema.has("enum")) {
                return schema.path("enum").get(0);
            }
            return switch (type) {
                case "object" -> {
                    ObjectNode object = NODES.objectNode();
                    if (depth < 4) {
                        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                            object.set(property.getKey(), sample(property.getValue(), depth + 1));
                        }
                    }
                    yield object;
                }
                case "array" -> {
                    ArrayNode array = NODES.arrayNode();
                    if (depth < 4) {
                        array.add(sample(schema.path("items"), depth + 1));
                    }
                    yield array;
                }
                case "integer" -> NODES.numberNode(1);
                case "number" -> NODES.numberNode(1.5);
                case "boolean" -> NODES.booleanNode(true);
                default -> NODES.stringNode(scalar(schema));
            };
        }

        private String scalar(JsonNode schema) {
            schema = resolve(schema);
            if (schema.has("enum")) {
                return schema.path("enum").get(0).asString();
            }
            return switch (type(schema)) {
                case "integer" -> "1";
                case "number" -> "1.5";
                case "boolean" -> "true";
                case "array" -> scalar(schema.path("items"));
                default -> switch (schema.path("format").asString("")) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "email" -> "fuzz" + random.nextInt(1_000_000) + "@example.org";
                    case "uri", "url" -> "https://example.org/watch?v=fuzz";
                    case "date-time" -> "2026-01-01T00:00:00Z";
                    default -> "fuzz" + random.nextInt(1000);
                };
            };
        }

        private String type(JsonNode schema) {
            JsonNode type = schema.path("type");
            if (type.isArray()) {
                for (JsonNode each : type) {
                    if (!"null".equals(each.asString())) {
                        return each.asString();
                    }
                }
            }
            if (type.isString()) {
                return type.asString();
            }
            return schema.has("properties") ? "object" : "string";
        }

        private JsonNode resolve(JsonNode node) {
            for (int i = 0; i < 10 && node.has("$ref"); i++) {
                String ref = node.path("$ref").asString();
                node = document.at(ref.substring(1));
            }
            if (node.has("allOf") && node.path("allOf").size() == 1) {
                return resolve(node.path("allOf").get(0));
            }
            if (node.has("oneOf")) {
                return resolve(node.path("oneOf").get(0));
            }
            return node;
        }
    }

    /** A request body. */
    static class Body {

        private final String contentType;
        private final byte[] bytes;
        private final String what;

        Body(String contentType, byte[] bytes, String what) {
            this.contentType = contentType;
            this.bytes = bytes;
            this.what = what;
        }

        String contentType() {
            return contentType;
        }

        byte[] bytes() {
            return bytes;
        }

        String what() {
            return what;
        }

        List<Body> variants() {
            return List.of();
        }
    }

    /** A JSON body and its wrong relatives. */
    private static final class JsonBody extends Body {

        private final JsonNode value;

        JsonBody(JsonNode value) {
            super("application/json", JSON.writeValueAsBytes(value), "plausible");
            this.value = value;
        }

        @Override
        List<Body> variants() {
            List<Body> variants = new ArrayList<>();
            for (String raw : List.of("", "{", "[]", "\"text\"", "null", "42", "{\"a\":}", "{\"a\":1}garbage",
                    "[".repeat(3000) + "]".repeat(3000), "{\"x\":\"\\ud800\"}", "\u0000")) {
                variants.add(new Body("application/json", raw.getBytes(StandardCharsets.UTF_8),
                        "body " + cut(raw)));
            }
            variants.add(new Body("application/json", new byte[] { (byte) 0xC3, (byte) 0x28, '{', '}' }, "body bad UTF-8"));
            if (value instanceof ObjectNode object) {
                variants.add(json(NODES.objectNode(), "no fields"));
                ObjectNode extra = object.deepCopy();
                extra.put("unexpected", "x");
                extra.putObject("nested").put("deep", 1);
                variants.add(json(extra, "extra fields"));
                for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext();) {
                    String name = names.next();
                    for (JsonNode wrong : wrongValues(object.get(name))) {
                        ObjectNode changed = object.deepCopy();
                        changed.set(name, wrong);
                        variants.add(json(changed, name + "=" + cut(wrong.toString())));
                    }
                }
            }
            return variants;
        }

        private static List<JsonNode> wrongValues(JsonNode value) {
            List<JsonNode> wrong = new ArrayList<>(List.of(NODES.nullNode(), NODES.arrayNode(), NODES.objectNode()));
            if (value.isString()) {
                wrong.addAll(List.of(NODES.numberNode(123), NODES.stringNode(""), NODES.stringNode("   "),
                        NODES.stringNode("a\u0000b"), NODES.stringNode("x".repeat(20_000)),
                        NODES.stringNode("\u202e\ud83c\udfb5\u0007<script>"), NODES.stringNode("../../etc/passwd"),
                        NODES.stringNode("not-a-uuid"), NODES.stringNode("' OR 1=1; --")));
            }
            else if (value.isNumber()) {
                wrong.addAll(List.of(NODES.stringNode("abc"), NODES.numberNode(2147483648L), NODES.numberNode(-1),
                        NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("9".repeat(40))),
                        NODES.numberNode(1e308), NODES.numberNode(0.5)));
            }
            else if (value.isBoolean()) {
                wrong.addAll(List.of(NODES.stringNode("yes"), NODES.numberNode(2)));
            }
            else if (value.isArray()) {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 5000; i++) {
                    many.add(value.isEmpty() ? NODES.stringNode("x") : value.get(0));
                }
                ArrayNode withNull = NODES.arrayNode().add(NODES.nullNode());
                ArrayNode garbage = NODES.arrayNode().add("not-a-uuid").add("a\u0000b").add(12);
                wrong.addAll(List.of(NODES.stringNode("x"), many, withNull, garbage));
            }
            return wrong;
        }

        private static Body json(JsonNode value, String what) {
            return new Body("application/json", JSON.writeValueAsBytes(value), what);
        }
    }

    /** Multipart bodies: a plausible upload and broken ones. */
    private static final class Multipart extends Body {

        private static final String BOUNDARY = "fuzz-boundary";

        private Multipart(String contentType, String body, String what) {
            super(contentType, body.getBytes(StandardCharsets.ISO_8859_1), what);
        }

        static Multipart plausible() {
            return new Multipart("multipart/form-data; boundary=" + BOUNDARY, part("file", "song.mp3", "ID3fuzz") + end(),
                    "plausible");
        }

        @Override
        List<Body> variants() {
            String type = "multipart/form-data; boundary=" + BOUNDARY;
            return List.of(new Multipart("multipart/form-data", part("file", "a.mp3", "x") + end(), "no boundary"),
                    new Multipart(type, part("file", "a.mp3", "x"), "truncated"),
                    new Multipart(type, "--" + BOUNDARY + "\r\nContent-Disp", "truncated header"),
                    new Multipart(type, part("file", "a\0b.mp3", "x") + end(), "NUL in file name"),
                    new Multipart(type, part("file", "a".repeat(5000) + ".mp3", "x") + end(), "long file name"),
                    new Multipart(type, part("file", "../../etc/passwd", "x") + end(), "path file name"),
                    new Multipart(type, part("file", "empty.mp3", "") + end(), "empty file"),
                    new Multipart(type, part("other", "a.mp3", "x") + end(), "wrong part"),
                    new Multipart(type, end(), "no parts"),
                    new Multipart(type, "garbage", "garbage"),
                    new Multipart("multipart/form-data; boundary=" + "b".repeat(200), "--x", "long boundary"));
        }

        private static String part(String name, String filename, String content) {
            return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n";
        }

        private static String end() {
            return "--" + BOUNDARY + "--\r\n";
        }
    }

    private static String cut(String text) {
        String shown = text.replace("\0", "\\0");
        return shown.length() > 24 ? shown.substring(0, 24) + "...(" + shown.length() + ")" : shown;
    }

    private static final class TimedOut extends RuntimeException {
    }

    /**
     * Walks a running server: {@code GeneratedRequests <base-url> [seed] [budget]}. Signs up an
     * account of its own (or uses the token in {@code ENCORE_TOKEN}), prints every finding, and
     * exits with 1 when there is one.
     */
    public static void main(String[] args) {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        int budget = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        Report report = new GeneratedRequests(base, RemoteAccount.signUp(base), seed, budget)
                .operatorDetailsUnder("/readyz").operatorDetailsUnder("/livez").operatorDetailsUnder("/actuator").walk();
        System.out.println(report.requests() + " requests over " + report.operations() + " operations; statuses "
                + report.statuses());
        report.timeouts().forEach(timeout -> System.out.println("TIMEOUT " + timeout));
        report.findings().forEach(finding -> System.out.println("FINDING " + finding));
        System.exit(report.findings().isEmpty() ? 0 : 1);
    }

    /** An account of the walk's own on a running server, signed in again when a request signed it out. */
    private static final class RemoteAccount implements Credentials {

        private final Api api;
        private final String username;
        private String token;

        private RemoteAccount(Api api, String username, String token) {
            this.api = api;
            this.username = username;
            this.token = token;
        }

        static Credentials signUp(String base) {
            String given = System.getenv("ENCORE_TOKEN");
            if (given != null && !given.isBlank()) {
                return () -> given;
            }
            Api api = Api.at(base);
            TestAccounts accounts = new TestAccounts(api);
            String username = TestAccounts.uniqueName();
            HttpResponse<String> registered = accounts.register(username, username + "@example.org",
                    TestAccounts.PASSWORD, null);
            if (registered.statusCode() != 201) {
                throw new IllegalStateException("could not register a fuzz account: " + registered.statusCode() + " "
                        + registered.body());
            }
            RemoteAccount account = new RemoteAccount(api, username, null);
            account.refused();
            return account;
        }

        @Override
        public String token() {
            return token;
        }

        @Override
        public void refused() {
            HttpResponse<String> login = new TestAccounts(api).login(username, TestAccounts.PASSWORD);
            if (login.statusCode() == 200) {
                token = Api.json(login).path("accessToken").asString();
            }
        }
    }
}
