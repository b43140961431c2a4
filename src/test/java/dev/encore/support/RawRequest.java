package dev.encore.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.net.ssl.SSLSession;

/**
 * An HTTP/1.1 request written byte by byte on a socket, for what {@code java.net.http} refuses to
 * send (a broken percent-escape in the target): one request per connection, the answer read to
 * its end. Plain HTTP only.
 */
final class RawRequest {

    private RawRequest() {
    }

    static HttpResponse<String> send(URI server, String method, String target, String contentType, byte[] body,
            String token, Map<String, String> headers, String clientAddress) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + server.getHost()
                + "\r\nConnection: close\r\nX-Forwarded-For: " + clientAddress + "\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return parse(answer.toString(StandardCharsets.ISO_8859_1));
        }
        catch (SocketTimeoutException ex) {
            throw new IllegalStateException("no answer within 20 s to " + method + " " + target, ex);
        }
        catch (IOException ex) {
            return answer(599, Map.of(), "connection closed without an answer: " + ex);
        }
    }

    private static HttpResponse<String> parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return answer(599, Map.of(), "not an HTTP answer: " + text);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : text.substring(0, end).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim(), List.of(line.substring(colon + 1).trim()));
            }
        }
        String body = text.substring(end + 4);
        if (headers.getOrDefault("Transfer-Encoding", List.of("")).getFirst().equalsIgnoreCase("chunked")) {
            body = dechunk(body);
        }
        return answer(Integer.parseInt(text.substring(9, 12)), headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static HttpResponse<String> answer(int status, Map<String, List<String>> headers, String body) {
        return new HttpResponse<>() {

            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return null;
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers, (name, value) -> true);
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return null;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    /** An answer made up where the server gave none. */
    static HttpResponse<String> missing(String why) {
        return answer(599, Map.of(), why);
    }
}
