package dev.encore.platform.web;

import static dev.encore.support.ProblemAssert.assertInvalidField;
import static dev.encore.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import dev.encore.support.IntegrationTest;
import dev.encore.support.ProblemAssert;

/**
 * Requests that the container or Spring MVC used to fail on with a 500, or that Tomcat refused
 * with its HTML error page: each is a 4xx problem+json answer now, through the real Tomcat.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsIT extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = { "*/*", "application/*", "*/json" })
    void aWildcardContentTypeIsUnsupportedMediaType(String contentType) {
        HttpResponse<String> response = api.send(api.request("/api/v1/playlists")
                .header("Authorization", "Bearer " + tokens.user()).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString("{\"name\":\"x\"}")));
        assertProblem(response, 415, "unsupported-media-type");
    }

    @ParameterizedTest
    @ValueSource(strings = { "artist=%ZZ", "artist=%", "artist=abc%4", "%ZZ=x", "artist=%C3%28" })
    void aBrokenPercentEscapeInTheQueryIsBadRequest(String query) {
        // java.net.URI refuses to make such a request: written by hand
        RawAnswer answer = raw("GET /api/v1/tracks?" + query + " HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: "
                + api.clientAddress() + "\r\nAuthorization: Bearer " + tokens.user() + "\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.text()).contains("application/problem+json", ProblemAssert.TYPES + "bad-request",
                "\"requestId\"");
    }

    @Test
    void aNulInAQueryParameterIsAFieldError() {
        assertInvalidField(api.get("/api/v1/search?q=a%00b", tokens.user()), "q");
    }

    @Test
    void aFormBodyWithABrokenEscapeOnADeleteIsNotReadAtAll() {
        HttpResponse<String> response = api.send(api.request("/api/v1/playlists/" + java.util.UUID.randomUUID())
                .header("Authorization", "Bearer " + tokens.user()).header("Content-Type", "application/x-www-form-urlencoded")
                .method("DELETE", BodyPublishers.ofString("a=%ZZ&b=%00")));
        assertProblem(response, 404, "not-found");
    }

    @Test
    void aHugePageIsAFieldErrorNamingTheBound() {
        JsonNode problem = assertInvalidField(api.get("/api/v1/tracks?page=2147483647", tokens.user()), "page");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("1000000");
    }

    @Test
    void malformedMultipartIsBadRequest() {
        String user = tokens.user();
        assertProblem(upload(user, "multipart/form-data", "xx"), 400, "bad-request");
        assertProblem(upload(user, "multipart/form-data; boundary=XX",
                "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp3\"\r\n\r\nabc"), 400, "bad-request");
        assertProblem(upload(user, "multipart/form-data; boundary=XX",
                "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\0b.mp3\"\r\n\r\nabc\r\n--XX--\r\n"),
                400, "bad-request");
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET /api/a%2Fb HTTP/1.1", "GET /api/%2e%2e/%2e%2e/x HTTP/1.1", "GET /api/v1/tracks HTTP/2.0",
            "GET /api/v1/tracks?q=%s HTTP/1.1" })
    void requestsTomcatRefusesAreProblemsToo(String requestLine) {
        RawAnswer answer = raw(requestLine.replace("%s", "a".repeat(70_000)) + "\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertRefusedAsProblem(answer, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/files/a.%%", "/api/v1/tracks/%zz", "/api/v1/me%" }) // not a signed link: no token to hide
    void aBrokenPercentEscapeInThePathIsAProblemWithAnAccessLine(String path, CapturedOutput output) {
        RawAnswer answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertRefusedAsProblem(answer, 400);
        assertThat(answer.text()).contains("\"instance\":\"" + path.replaceAll("%(?![0-9a-fA-F]{2})", "%25") + "\"");
        String requestId = answer.text().replaceFirst("(?s).*X-Request-ID: ([0-9a-f-]{36}).*", "$1");
        String line = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(
                () -> output.getOut().lines().filter(l -> l.contains("\"dev.encore.access\"") && l.contains(requestId))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(line).contains("\"status_code\":400", "(unmatched)");
    }

    @Test
    void aBadHeaderByteIsAProblem() {
        assertRefusedAsProblem(raw("GET /api/v1/tracks HTTP/1.1\r\nHost: x\r\nX-Bad\u0001: y\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void aUtf8UserAgentSignsInAndIsShownAsSent(CapturedOutput output) throws Exception {
        String agent = "Jörg’s iPhone — Encore €";
        byte[] body = "{\"identifier\":\"nobody-here\",\"password\":\"Wrong-Password-1\"}".getBytes(StandardCharsets.UTF_8);
        // the agent's UTF-8 bytes as a client sends them (’ — € hold bytes 0x80-0x9F, C1 controls to Latin-1)
        RawAnswer refused = raw(("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: " + api.clientAddress()
                + "\r\nUser-Agent: " + new String(agent.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n"
                + new String(body, StandardCharsets.ISO_8859_1)));
        assertThat(refused.status()).as("a wrong password, not a 500: %s", refused.text()).isEqualTo(401);
        assertThat(output.getAll()).doesNotContain("RequestRejectedException").doesNotContain("\"log.level\":\"ERROR\"");
    }

    @Test
    void aControlCharacterInAHeaderValueIsAProblem(CapturedOutput output) {
        byte[] body = "{\"identifier\":\"nobody-here\",\"password\":\"Wrong-Password-1\"}".getBytes(StandardCharsets.UTF_8);
        RawAnswer answer = raw("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: " + api.clientAddress()
                + "\r\nUser-Agent: bell\u007fagent\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1));
        assertRefusedAsProblem(answer, 400);
        assertThat(output.getAll()).doesNotContain("\"log.level\":\"ERROR\"");
    }

    @Test
    void anOversizedHeaderIsAProblem() {
        assertRefusedAsProblem(raw("GET /api/v1/tracks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + "a".repeat(70_000)
                + "\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void connectIsMethodNotAllowed() {
        RawAnswer answer = raw("CONNECT /api/v1/tracks HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertRefusedAsProblem(answer, 405);
    }

    @Test
    void aMethodTheServerDoesNotTakeIsMethodNotAllowedNamingTheOnesItDoes() {
        for (String method : List.of("FOO", "PROPFIND", "get")) {
            RawAnswer answer = raw(method + " /api/v1/tracks HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertRefusedAsProblem(answer, 405);
            assertThat(answer.text()).as(method).contains("Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
                    .contains("method-not-allowed");
        }
    }

    @Test
    void anUnsupportedMethodIsAProblemAndNoWarningInTheLog(CapturedOutput output) {
        // no sign-in needed: anyone could fill an operator's log with these
        assertRefusedAsProblem(raw("POST /problems HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
                405);
        assertThat(output.getAll()).doesNotContain("PageNotFound").doesNotContain("\"log.level\":\"WARN\"");
    }

    @Test
    void aBodyShorterThanItsContentLengthIsBadRequestAndNoErrorInTheLog(CapturedOutput output) {
        String request = "POST /api/v1/playlists HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: " + api.clientAddress()
                + "\r\nAuthorization: Bearer " + tokens.user()
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":";
        RawAnswer answer = raw(request);
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.text()).contains("application/problem+json");
        assertThat(output.getAll()).doesNotContain("\"log.level\":\"ERROR\"").doesNotContain("EOFException");
    }

    private HttpResponse<String> upload(String token, String contentType, String body) {
        return api.send(api.request("/api/v1/uploads").header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).POST(BodyPublishers.ofString(body)));
    }

    private static void assertRefusedAsProblem(RawAnswer answer, int status) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.text()).as(answer.text()).contains("Content-Type: application/problem+json")
                .contains("\"status\":" + status).contains(ProblemAssert.TYPES).doesNotContain("<html", "Tomcat", "Exception");
        assertThat(answer.text()).containsPattern("X-Request-ID: [0-9a-f-]{36}");
    }

    private RawAnswer raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            return new RawAnswer(Integer.parseInt(text.substring(9, 12)), text);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private record RawAnswer(int status, String text) {
    }

}
