package dev.encore.library.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.encore.support.Api;

/** A tus 1.0 client for the tests: every request signed in and marked {@code Tus-Resumable: 1.0.0}. */
public final class TusClient {

    static final String BASE = "/api/v1/uploads/tus";

    private final Api api;
    private final String token;

    public TusClient(Api api, String token) {
        this.api = api;
        this.token = token;
    }

    public HttpResponse<String> create(long length, String filename) {
        return api.send(creation(length, filename));
    }

    /** The request {@link #create} sends. */
    HttpRequest.Builder creation(long length, String filename) {
        return request(BASE).header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", "filename " + Base64.getEncoder()
                        .encodeToString(filename.getBytes(StandardCharsets.UTF_8)) + ",private")
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    /** Creates an upload and answers its path. */
    public String start(long length, String filename) {
        HttpResponse<String> created = create(length, filename);
        if (created.statusCode() != 201) {
            throw new AssertionError("tus creation answered " + created.statusCode() + ": " + created.body());
        }
        return created.headers().firstValue("Location").orElseThrow();
    }

    /** Creates an upload of all of {@code bytes}, sends the first {@code sent} of them and answers its path. */
    String startPartly(byte[] bytes, String filename, int sent) {
        String location = start(bytes.length, filename);
        HttpResponse<String> patched = patch(location, 0, bytes, 0, sent);
        if (patched.statusCode() != 204) {
            throw new AssertionError("tus PATCH answered " + patched.statusCode() + ": " + patched.body());
        }
        return location;
    }

    public HttpResponse<String> patch(String path, long offset, byte[] bytes, int from, int to) {
        return api.send(request(path).header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes, from, to - from)));
    }

    /** A PATCH whose body is sent chunked: its length is known only as the bytes arrive. */
    HttpResponse<String> patchChunked(String path, long offset, byte[] bytes) {
        return api.send(request(path).header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    /**
     * Writes the head of a PATCH of {@code length} bytes at {@code offset} onto a raw connection, for
     * a test that sends (part of) its body itself.
     */
    public void beginPatch(OutputStream out, String path, long offset, long length) throws IOException {
        out.write(("PATCH " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nX-Forwarded-For: " + api.clientAddress() + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset
                + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    public HttpResponse<String> head(String path) {
        return api.send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> delete(String path) {
        return api.send(request(path).DELETE());
    }

    /** Uploads {@code bytes} in one PATCH after creating the upload; answers the final PATCH. */
    HttpResponse<String> upload(String filename, byte[] bytes) {
        return patch(start(bytes.length, filename), 0, bytes, 0, bytes.length);
    }

    HttpRequest.Builder request(String path) {
        return api.request(path).header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0");
    }
}
