package dev.encore.ingest.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import dev.encore.ingest.imports.ImportError;

/**
 * A minimal HTTP/1.1 GET that goes through the {@link EgressGuard} exactly as yt-dlp does: plain
 * http as absolute-URI requests to the guard, https through a CONNECT tunnel (TLS end to end,
 * host name verified), with the job's lease as proxy credential. So every address it reaches,
 * redirects included (each hop is a new request through the guard), passes the same checks, and
 * a refusal is recorded on the lease. Used for direct media links, whose bytes Encore streams
 * into ffmpeg itself. Reads time out after {@code socketTimeout} (yt-dlp's {@code --socket-timeout}).
 *
 * <p>Why by hand and not {@code java.net.http.HttpClient} with the guard as its proxy: the lease
 * is a Basic proxy credential, and the JDK drops Basic {@code Proxy-Authorization} from CONNECT
 * requests (set as a header or answered by an {@code Authenticator}) unless the JVM-wide
 * {@code jdk.http.auth.tunneling.disabledSchemes} is emptied (its default in
 * {@code conf/net.properties} is {@code Basic}), so every https link would meet the guard's 407.
 * With that property emptied it still falls short: a refused tunnel is only an {@code IOException}
 * whose message holds the guard's status (403 refused, 502 unresolved), and the request timeout
 * ends when the head arrives, so a body that stalls blocks for good instead of timing out per
 * read. (Checked on JDK 25.) Plain http would work; https, the common case, would not.
 */
public final class GuardedHttp {

    /** Redirects followed, as many as yt-dlp's HTTP library follows. */
    static final int MAX_REDIRECTS = 10;
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final String USER_AGENT = "Mozilla/5.0 (compatible; Encore)";

    private final int guardPort;
    private final Duration socketTimeout;

    public GuardedHttp(EgressGuard guard, Duration socketTimeout) {
        this.guardPort = guard.port();
        this.socketTimeout = socketTimeout;
    }

    /** An answer whose body is still to be read; closing it closes the connection. */
    public static final class Response implements Closeable {

        private final Socket socket;
        private final int status;
        private final Map<String, String> headers;
        private final InputStream body;

        Response(Socket socket, int status, Map<String, String> headers, InputStream body) {
            this.socket = socket;
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        public int status() {
            return status;
        }

        /** A header's value (names in lower case), if present. */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        /** The declared length of the body, or -1 when not declared (chunked or until close). */
        public long contentLength() {
            return headers.containsKey("transfer-encoding") ? -1 : lengthOf(headers);
        }

        /** The body; ends early with an {@link EOFException} when the connection breaks off. */
        public InputStream body() {
            return body;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * GETs {@code url}, following redirects through the guard.
     *
     * @throws ImportFailure {@code blocked-address} when the guard refused a destination, or
     *                       {@code network} when the source could not be reached
     */
    public Response get(String url, EgressGuard.Lease lease) throws IOException {
        URI uri = URI.create(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Response response = request(uri, lease);
            String location = response.header("location").orElse(null);
            if (response.status() / 100 != 3 || location == null) {
                return response;
            }
            response.close();
            try {
                uri = uri.resolve(new URI(location.trim()));
            }
            catch (URISyntaxException ex) {
                throw new ImportFailure(ImportError.UNAVAILABLE, "the source redirected to an invalid address");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new ImportFailure(ImportError.UNAVAILABLE, "the source redirected to a non-web address");
            }
        }
        throw new ImportFailure(ImportError.UNAVAILABLE, "the source redirected too often");
    }

    private Response request(URI link, EgressGuard.Lease lease) throws IOException {
        // a redirect's Location may hold raw UTF-8: on the wire every byte of the request line is ASCII
        URI uri = URI.create(link.toASCIIString());
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost().startsWith("[") // URI keeps an IPv6 literal's brackets
                ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        if (port < 1 || port > SourcePolicy.MAX_PORT) { // a redirect's; the link itself was checked
            throw new ImportFailure(ImportError.UNAVAILABLE, "the source redirected to an invalid address",
                    "port " + port);
        }
        String hostLiteral = host.contains(":") ? "[" + host + "]" : host; // an IPv6 literal in brackets
        String authority = hostLiteral + ":" + port;
        String proxyAuthorization = "Proxy-Authorization: Basic " + Base64.getEncoder().encodeToString(
                lease.credential().getBytes(StandardCharsets.UTF_8)) + "\r\n";
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), guardPort),
                    (int) socketTimeout.toMillis());
            socket.setSoTimeout((int) socketTimeout.toMillis());
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Socket channel = socket;
            String target;
            if (tls) {
                write(socket.getOutputStream(), "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n"
                        + proxyAuthorization + "\r\n");
                InputStream in = new BufferedInputStream(socket.getInputStream());
                Head connected = readHead(in);
                if (connected.status() != 200) {
                    throw refusal(connected.status(), lease);
                }
                SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(socket, host, port, true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                secure.startHandshake();
                channel = secure;
                target = path;
                proxyAuthorization = "";
            }
            else {
                target = "http://" + authority + path;
            }
            write(channel.getOutputStream(), "GET " + target + " HTTP/1.1\r\nHost: " + (port == (tls ? 443 : 80)
                    ? hostLiteral : authority) + "\r\nUser-Agent: " + USER_AGENT
                    + "\r\nAccept: */*\r\nAccept-Encoding: identity\r\n" + proxyAuthorization
                    + "Connection: close\r\n\r\n");
            InputStream in = new BufferedInputStream(channel.getInputStream(), 64 * 1024);
            Head head = readHead(in);
            if (!tls && (head.status() == 403 || head.status() == 407) && !lease.refused().isEmpty()) {
                throw refusal(head.status(), lease);
            }
            InputStream body = head.headers().getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT)
                    .contains("chunked") ? new ChunkedBody(in) : new LengthBody(in, lengthOf(head.headers()));
            return new Response(socket, head.status(), head.headers(), body);
        }
        catch (IOException | RuntimeException ex) {
            socket.close();
            if (!lease.refused().isEmpty()) {
                throw blocked();
            }
            throw ex;
        }
    }

    /** The guard answers 403 for a refused address, 502 for a host that does not resolve. */
    private static RuntimeException refusal(int status, EgressGuard.Lease lease) {
        if (!lease.refused().isEmpty()) {
            return blocked();
        }
        return status == 502 ? new ImportFailure(ImportError.NETWORK, "the source's host name could not be resolved",
                "the guard could not resolve the host")
                : new ImportFailure(ImportError.NETWORK, "the tunnel to the source failed: " + status);
    }

    private static ImportFailure blocked() {
        return new ImportFailure(ImportError.BLOCKED_ADDRESS, "the guard refused a destination");
    }

    private static long lengthOf(Map<String, String> headers) {
        try {
            return Long.parseLong(headers.getOrDefault("content-length", "-1").trim());
        }
        catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private record Head(int status, Map<String, String> headers) {
    }

    private static Head readHead(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new EOFException("the connection closed before an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        int status;
        try {
            status = parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
        }
        catch (NumberFormatException ex) {
            status = -1;
        }
        if (status < 100 || status > 599) {
            throw new IOException("not an HTTP answer");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int total = statusLine.length();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            total += line.length();
            if (total > MAX_HEAD_BYTES) {
                throw new IOException("answer head too large");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                        (first, second) -> first + ", " + second);
            }
        }
        if (status / 100 == 1) { // 100 Continue and friends: the real answer follows
            return readHead(in);
        }
        return new Head(status, headers);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            }
            if (line.size() >= MAX_HEAD_BYTES) {
                throw new IOException("answer line too long");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** A body read in blocks; a single byte is a block of one. */
    private abstract static class Body extends InputStream {

        @Override
        public final int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    /** A body of a declared length (or, when -1, until the connection closes); short ends are errors. */
    private static final class LengthBody extends Body {

        private final InputStream in;
        private long left;

        LengthBody(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == 0) {
                return -1;
            }
            int read = in.read(buffer, offset, left < 0 ? length : (int) Math.min(length, left));
            if (read < 0) {
                if (left > 0) {
                    throw new EOFException("the body ended " + left + " bytes early");
                }
                return -1;
            }
            if (left > 0) {
                left -= read;
            }
            return read;
        }
    }

    /** A chunked body; a missing last chunk is an error. */
    private static final class ChunkedBody extends Body {

        private final InputStream in;
        private long chunkLeft;
        private boolean done;

        ChunkedBody(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                String size = readLine(in);
                if (size != null && size.isEmpty()) { // the line ending of the previous chunk
                    size = readLine(in);
                }
                if (size == null) {
                    throw new EOFException("the chunked body ended early");
                }
                int extension = size.indexOf(';');
                try {
                    chunkLeft = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                }
                catch (NumberFormatException ex) {
                    throw new IOException("bad chunk size");
                }
                if (chunkLeft == 0) {
                    done = true;
                    return -1;
                }
            }
            int read = in.read(buffer, offset, (int) Math.min(length, chunkLeft));
            if (read < 0) {
                throw new EOFException("the chunked body ended early");
            }
            chunkLeft -= read;
            return read;
        }
    }
}
