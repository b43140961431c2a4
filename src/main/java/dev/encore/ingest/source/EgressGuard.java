package dev.encore.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP proxy on loopback that every yt-dlp run must use ({@code --proxy}). It is where SSRF is
 * stopped for good: whatever URL yt-dlp decides to fetch (the page, a redirect target, a CDN
 * host), the proxy resolves the host itself, checks every address with the {@link SourcePolicy},
 * and connects to exactly the address it checked, so DNS rebinding cannot slip in between.
 * Plain http arrives as absolute-URI requests, https as CONNECT tunnels. Each job gets its own
 * credential, so only Encore's own tool runs can use the proxy, and refusals are told to the job.
 */
public final class EgressGuard implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EgressGuard.class);
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final SourcePolicy policy;
    private final SourcePolicy.Resolver resolver;
    private final Duration connectTimeout;
    private final ServerSocket server;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private volatile boolean open = true;

    public EgressGuard(SourcePolicy policy, SourcePolicy.Resolver resolver, Duration connectTimeout) throws IOException {
        this.policy = policy;
        this.resolver = resolver;
        this.connectTimeout = connectTimeout;
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("egress-guard").start(this::accept);
    }

    /** One job's use of the proxy: its URL for {@code --proxy} and what the proxy refused. */
    public final class Lease implements Closeable {

        private final String user;
        private final String secret;
        private final List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();

        private Lease(String user, String secret) {
            this.user = user;
            this.secret = secret;
        }

        /** {@code http://user:secret@127.0.0.1:port}, for yt-dlp's {@code --proxy}. */
        public String proxyUrl() {
            return "http://" + user + ":" + secret + "@" + server.getInetAddress().getHostAddress() + ":"
                    + server.getLocalPort();
        }

        /** {@code user:secret}, for a proxy's Basic credential ({@link GuardedHttp}). */
        String credential() {
            return user + ":" + secret;
        }

        /** Destinations refused for this job (host names only, for logs and error codes). */
        public List<String> refused() {
            return List.copyOf(refused);
        }

        @Override
        public void close() {
            leases.remove(user);
        }
    }

    /** Opens a lease with a fresh random credential. */
    public Lease lease() {
        String user = "job" + java.util.HexFormat.of().formatHex(randomBytes(8));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
        Lease lease = new Lease(user, secret);
        leases.put(user, lease);
        return lease;
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            }
            catch (IOException ex) {
                if (open) {
                    log.warn("Egress guard accept failed: {}", ex.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout((int) Duration.ofMinutes(5).toMillis());
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.getFirst().split(" ");
            Lease lease = authenticate(head);
            if (lease == null) {
                reply(out, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"encore\"\r\n");
                return;
            }
            if (requestLine.length != 3) {
                reply(out, "400 Bad Request", "");
                return;
            }
            if (requestLine[0].equalsIgnoreCase("CONNECT")) {
                tunnel(lease, requestLine[1], in, out);
            }
            else {
                forward(lease, requestLine, head, in, out);
            }
        }
        catch (IOException ex) {
            log.debug("Egress guard connection ended: {}", ex.getMessage());
        }
        catch (RuntimeException ex) { // a bug here must end this connection, not print to stdout
            log.warn("Egress guard failed a tool request", ex);
        }
    }

    private void tunnel(Lease lease, String authority, InputStream in, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        if (colon < 0) {
            reply(out, "400 Bad Request", "");
            return;
        }
        String host = SourcePolicy.normalizeHost(authority.substring(0, colon));
        int port = parsePort(authority.substring(colon + 1));
        try (Socket upstream = connect(lease, host, port, out)) {
            if (upstream == null) {
                return;
            }
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            pipe(in, out, upstream);
        }
    }

    private void forward(Lease lease, String[] requestLine, List<String> head, InputStream in, OutputStream out)
            throws IOException {
        URI target;
        try {
            target = new URI(requestLine[1]);
        }
        catch (java.net.URISyntaxException ex) {
            reply(out, "400 Bad Request", "");
            return;
        }
        if (!"http".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
            reply(out, "400 Bad Request", "");
            return;
        }
        String host = SourcePolicy.normalizeHost(target.getHost());
        int port = target.getPort() == -1 ? 80 : target.getPort();
        try (Socket upstream = connect(lease, host, port, out)) {
            if (upstream == null) {
                return;
            }
            StringBuilder request = new StringBuilder();
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            request.append(requestLine[0]).append(' ').append(path)
                    .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(' ')
                    .append(requestLine[2]).append("\r\n");
            for (String header : head.subList(1, head.size())) {
                String name = header.substring(0, Math.max(0, header.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection") && !name.equals("keep-alive")) {
                    request.append(header).append("\r\n");
                }
            }
            request.append("Connection: close\r\n\r\n");
            upstream.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            upstream.getOutputStream().flush();
            pipe(in, out, upstream);
        }
    }

    /**
     * Resolves, checks every address and connects to a checked one; answers 400 for a port outside
     * 1..65535 and 403 when refused (IPv4-mapped IPv6 literals included, as at validation).
     */
    private Socket connect(Lease lease, String host, int port, OutputStream out) throws IOException {
        if (port < 1 || port > SourcePolicy.MAX_PORT) {
            reply(out, "400 Bad Request", "");
            return null;
        }
        if (SourcePolicy.isMappedLiteral(host)) {
            return refuse(lease, host, host, out);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        }
        catch (UnknownHostException ex) {
            reply(out, "502 Bad Gateway", "");
            return null;
        }
        for (InetAddress address : addresses) {
            if (!policy.isPermitted(address)) {
                return refuse(lease, host, address.getHostAddress(), out);
            }
        }
        Socket upstream = new Socket();
        upstream.connect(new InetSocketAddress(addresses[0], port), (int) connectTimeout.toMillis());
        return upstream;
    }

    private static Socket refuse(Lease lease, String host, String address, OutputStream out) throws IOException {
        lease.refused.add(host);
        log.warn("Egress guard refused {} ({}) for a tool run", host, address);
        reply(out, "403 Forbidden", "");
        return null;
    }

    private Lease authenticate(List<String> head) {
        for (String header : head.subList(1, head.size())) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Proxy-Authorization")) {
                String value = header.substring(colon + 1).trim();
                if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
                    return null;
                }
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
                }
                catch (IllegalArgumentException ex) {
                    return null;
                }
                int split = decoded.indexOf(':');
                Lease lease = split < 0 ? null : leases.get(decoded.substring(0, split));
                return lease != null && MessageDigest.isEqual(lease.secret.getBytes(StandardCharsets.UTF_8),
                        decoded.substring(split + 1).getBytes(StandardCharsets.UTF_8)) ? lease : null;
            }
        }
        return null;
    }

    private static void pipe(InputStream clientIn, OutputStream clientOut, Socket upstream) throws IOException {
        Thread up = Thread.ofVirtual().start(() -> {
            try {
                clientIn.transferTo(upstream.getOutputStream());
                upstream.shutdownOutput();
            }
            catch (IOException closed) {
                // either side closed
            }
        });
        try {
            upstream.getInputStream().transferTo(clientOut);
            clientOut.flush();
        }
        finally {
            up.interrupt();
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        int total = 0;
        int b;
        while ((b = in.read()) != -1) {
            if (++total > MAX_HEADER_BYTES) {
                return List.of();
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            }
            else {
                line.write(b);
            }
        }
        return List.of();
    }

    /** The port of a CONNECT authority, or -1 when it is not a number ({@link #connect} refuses it). */
    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static void reply(OutputStream out, String status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
